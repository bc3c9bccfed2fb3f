/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.nio.file.Files;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A started {@link RedisSentinel} hands a Sentinel-aware client a master that answers,
 * and closing it ends both processes and deletes their directories.
 */
class RedisSentinelTests {

	@Test
	void sentinelLeadsAClientToTheMasterAndCloseEndsBothProcesses() {
		RedisSentinel.assumeAvailable();
		RedisSentinel sentinel = RedisSentinel.start();
		try {
			assertThat(sentinel.isRunning()).isTrue();
			assertThat(sentinel.sentinelAddress()).startsWith("127.0.0.1:");
			RedisClient client = sentinel.newClient();
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("greeting", "hello");
				assertThat(connection.sync().get("greeting")).isEqualTo("hello");
				// A Sentinel would refuse SET; the client was sent on to the master.
				assertThat(connection.sync().info("server")).contains("redis_mode:standalone");
				assertThat(connection.sync().role()).first().isEqualTo("master");
			}
			finally {
				client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			}
		}
		finally {
			sentinel.close();
		}
		assertThat(sentinel.isRunning()).isFalse();
		assertThat(sentinel.directories()).hasSize(2).noneMatch(Files::exists);
	}

}
