/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.redis.RedisConnector.BlockingConnection;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blocking wait for a marker lasts as long as asked, even on a client whose command
 * timeout is shorter (Spring Boot's {@code spring.data.redis.timeout} sets the client's,
 * and Cleo shares that client).
 */
@RedisTest
class BlockingConnectionTimeoutTests {

	private RedisConnector connector;

	@BeforeEach
	void setUp(RedisServer redis) {
		RedisURI uri = RedisURI.create(redis.uri());
		uri.setTimeout(Duration.ofMillis(500));
		RedisClient client = RedisClient.create(uri);
		// As Spring Data Redis configures the client Spring Boot builds.
		client.setOptions(ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled()).build());
		this.connector = RedisConnector.of(client, true);
	}

	@AfterEach
	void tearDown() {
		this.connector.close();
	}

	@Test
	void waitLongerThanTheClientsCommandTimeoutEndsAsATimeoutNotAnError() throws Exception {
		try (BlockingConnection blocking = this.connector.openBlocking()) {
			long start = System.nanoTime();
			boolean popped = blocking.popMarker("cleo:{q}:marker", Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
			assertThat(popped).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1500));
		}
	}

}
