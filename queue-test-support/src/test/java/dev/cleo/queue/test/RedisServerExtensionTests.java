package dev.cleo.queue.test;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link RedisTest} injects one running server per class and flushes it
 * between tests.
 */
@RedisTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisServerExtensionTests {

	private static RedisServer fromBeforeAll;

	private static RedisClient client;

	private final RedisServer fromConstructor;

	RedisServerExtensionTests(RedisServer redis) {
		this.fromConstructor = redis;
	}

	@BeforeAll
	static void connect(RedisServer redis) {
		fromBeforeAll = redis;
		client = redis.newClient();
	}

	@AfterAll
	static void disconnect() {
		client.close();
	}

	@Test
	@Order(1)
	void injectsOneRunningServerEverywhere(RedisServer redis) {
		assertThat(redis.isRunning()).isTrue();
		assertThat(redis).isSameAs(this.fromConstructor).isSameAs(fromBeforeAll);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("left-behind", "by the first test");
		}
	}

	@Test
	@Order(2)
	void flushesBeforeEachTest(RedisServer redis) {
		assertThat(redis).isSameAs(fromBeforeAll);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().dbsize()).isZero();
		}
	}

	@Nested
	class NestedTests {

		@Test
		void shareTheEnclosingClassServer(RedisServer redis) {
			assertThat(redis).isSameAs(fromBeforeAll);
		}

	}

}
