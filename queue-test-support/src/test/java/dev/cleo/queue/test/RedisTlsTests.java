/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A started {@link RedisTls} answers a client that trusts its CA, over TLS only, and
 * closing it ends the process and deletes its directory with the certificates.
 */
class RedisTlsTests {

	@Test
	void answersOverTlsOnlyAndCloseEndsIt() throws IOException {
		RedisTls.assumeAvailable();
		RedisTls redis = RedisTls.start();
		try {
			assertThat(redis.isRunning()).isTrue();
			assertThat(redis.uri()).isEqualTo("rediss://127.0.0.1:" + redis.port());
			assertThat(redis.caCertificate()).isRegularFile().content().startsWith("-----BEGIN CERTIFICATE-----");
			RedisClient client = redis.newClient();
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("greeting", "hello");
				assertThat(connection.sync().get("greeting")).isEqualTo("hello");
				// Port 0: the server opened no plain TCP port to fall back to.
				assertThat(connection.sync().configGet("port")).containsEntry("port", "0");
			}
			finally {
				client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			}
			assertThat(RedisEndpoint.loopback(redis.port()).answersPing()).as("plain TCP PING on the TLS port")
				.isFalse();
		}
		finally {
			redis.close();
		}
		assertThat(redis.isRunning()).isFalse();
		assertThat(redis.directory()).doesNotExist();
	}

}
