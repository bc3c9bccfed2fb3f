/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.embedded;

import dev.cleo.sample.redis.EmbeddedRedisException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed embedded {@code redis-server} start into Spring Boot's "Description /
 * Action" report: how to install Redis, or how to point the application at a running one.
 */
public class EmbeddedRedisFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedRedisException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedRedisException cause) {
		return new FailureAnalysis(
				"No Redis is configured (spring.data.redis.url is not set), so the sample application tried to "
						+ "start an embedded redis-server, which failed: " + cause.getMessage(),
				"Either " + EmbeddedRedisException.INSTALL_HINT + ", or use a running Redis: "
						+ "java -jar sample-app.jar --spring.data.redis.url=redis://HOST:6379 "
						+ "(or the environment variable SPRING_DATA_REDIS_URL).",
				cause);
	}

}
