/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import org.junit.jupiter.api.Test;

import dev.cleo.sample.app.embedded.EmbeddedRedisFailureAnalyzer;
import dev.cleo.sample.app.embedded.EmbeddedRedisInitializer;
import dev.cleo.sample.redis.EmbeddedRedis;
import dev.cleo.sample.redis.EmbeddedRedisException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one-command start: with no Redis configured the application runs its own
 * {@code redis-server}, serves requests on it, and stops it when the context closes; with
 * no {@code redis-server} to be had it fails with a report saying what to do. Each test
 * starts the application itself so that it can close it and check the process is gone.
 */
class EmbeddedRedisApplicationTests {

	@Test
	void startsAnEmbeddedRedisWhenNoneIsConfiguredAndStopsItOnClose() {
		EmbeddedRedis redis;
		try (ConfigurableApplicationContext context = run("--server.port=0")) {
			redis = context.getBean(EmbeddedRedisInitializer.BEAN_NAME, EmbeddedRedis.class);
			assertThat(redis.isRunning()).isTrue();
			assertThat(context.getEnvironment().getProperty("spring.data.redis.url")).isEqualTo(redis.uri());
			String port = context.getEnvironment().getProperty("local.server.port");
			String health = RestClient.create("http://localhost:" + port)
				.get()
				.uri("/actuator/health/redis")
				.retrieve()
				.body(String.class);
			assertThat(health).contains("\"UP\"");
		}
		assertThat(redis.isRunning()).isFalse();
		assertThat(ProcessHandle.of(redis.pid()).filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void failsWithWhatToDoWhenNoRedisServerCanBeStarted() {
		assertThatExceptionOfType(EmbeddedRedisException.class)
			.isThrownBy(() -> run("--server.port=0", "--sample.embedded-redis.executable=/nonexistent/redis-server"))
			.satisfies((ex) -> {
				FailureAnalysis analysis = new EmbeddedRedisFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains("/nonexistent/redis-server");
				assertThat(analysis.getAction()).contains("apt-get install redis-server", "spring.data.redis.url");
			});
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(CleoSampleApplication.class);
		application.setRegisterShutdownHook(false);
		return application.run(args);
	}

}
