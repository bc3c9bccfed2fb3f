/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application on a random port against a {@code redis-server} started by the
 * test support, with a client without credentials. The context is closed after each
 * class, before the test support stops Redis. A subclass may declare its own
 * {@link SpringBootTest @SpringBootTest} to add properties, keeping the random port.
 */
@RedisTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
public abstract class AbstractSampleHttpTests {

	private static RedisServer redis;

	@LocalServerPort
	protected int port;

	/** Calls without credentials, to the application's port. */
	SampleHttp http;

	@BeforeAll
	static void useRedis(RedisServer server) {
		redis = server;
	}

	@DynamicPropertySource
	static void redisUrl(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> redis.uri());
	}

	@BeforeEach
	void client() {
		this.http = SampleHttp.to(this.port);
	}

}
