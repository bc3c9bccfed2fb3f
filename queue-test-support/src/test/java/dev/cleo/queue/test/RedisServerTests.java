package dev.cleo.queue.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RedisServer} with a spawned {@code redis-server}.
 */
@DisabledIfEnvironmentVariable(named = RedisServer.URL_ENV, matches = ".+",
		disabledReason = "needs a spawned redis-server")
class RedisServerTests {

	@Test
	void spawnedServerAnswersPingOnLoopback() throws Exception {
		try (RedisServer redis = RedisServer.start();
				RedisClient client = redis.newClient();
				StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().ping()).isEqualTo("PONG");
			assertThat(redis.host()).isEqualTo("127.0.0.1");
			assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
			assertThat(redis.isRunning()).isTrue();
			assertThat(redis.supportsRestart()).isTrue();
		}
	}

	@Test
	void restartAfterStopKeepsKeysWrittenBeforeStop() throws Exception {
		try (RedisServer redis = RedisServer.start(); RedisClient client = redis.newClient()) {
			int port = redis.port();
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("greeting", "hello");
			}
			redis.stop();
			assertThat(redis.isRunning()).isFalse();
			redis.restart();
			assertThat(redis.isRunning()).isTrue();
			assertThat(redis.port()).isEqualTo(port);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().get("greeting")).isEqualTo("hello");
			}
		}
	}

	@Test
	void restartWhileRunningSavesFirst() throws Exception {
		try (RedisServer redis = RedisServer.start(); RedisClient client = redis.newClient()) {
			long pid = pid(redis);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("greeting", "hello");
			}
			redis.restart();
			assertThat(pid(redis)).isNotEqualTo(pid);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().get("greeting")).isEqualTo("hello");
			}
		}
	}

	@Test
	void serverWithAnAppendOnlyFileLogsEveryWriteAndReadsItBackOnRestart() throws Exception {
		try (RedisServer redis = RedisServer.startWithAppendOnlyFile(); RedisClient client = redis.newClient()) {
			assertThat(redis.info("persistence")).contains("aof_enabled:1");
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("kept", "in the log");
			}
			redis.restart();
			assertThat(redis.info("persistence")).contains("aof_enabled:1");
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().get("kept")).isEqualTo("in the log");
			}
		}
	}

	@Test
	void closeEndsTheProcessAndFreesThePort() throws IOException {
		RedisServer redis = RedisServer.start();
		long pid = pid(redis);
		redis.close();
		assertThat(redis.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		try (ServerSocket socket = new ServerSocket(redis.port(), 1, InetAddress.getByName("127.0.0.1"))) {
			assertThat(socket.getLocalPort()).isEqualTo(redis.port());
		}
	}

	@Test
	void flushAllDeletesEveryKeyAndInfoReportsIt() throws Exception {
		try (RedisServer redis = RedisServer.start();
				RedisClient client = redis.newClient();
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("a", "1");
			assertThat(redis.info("keyspace")).contains("db0:keys=1");
			redis.flushAll();
			assertThat(connection.sync().dbsize()).isZero();
			assertThat(redis.info("keyspace")).doesNotContain("db0:");
			assertThat(redis.usedMemory()).isPositive();
		}
	}

	@Test
	void externalServerRefusesStopAndSurvivesClose() {
		try (RedisServer spawned = RedisServer.start()) {
			RedisServer external = new RedisServer(ExternalRedis.connect(spawned.uri()));
			assertThat(external.supportsRestart()).isFalse();
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(external::stop)
				.withMessageContaining("fault tests need a spawned redis-server");
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(external::restart);
			external.close();
			assertThat(spawned.isRunning()).isTrue();
			assertThat(external.isRunning()).isTrue();
		}
	}

	@Test
	void externalServerThatDoesNotAnswerFailsWithTheVariableName() {
		int port = RedisBackends.freePort();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ExternalRedis.connect("redis://:secret@127.0.0.1:" + port))
			.withMessageContaining(RedisServer.URL_ENV + "=redis://***@127.0.0.1:" + port)
			.withMessageNotContaining("secret");
	}

	static long pid(RedisServer redis) {
		Matcher matcher = Pattern.compile("process_id:(\\d+)").matcher(redis.info("server"));
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
