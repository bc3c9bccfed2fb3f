package dev.cleo.queue.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs sample {@link RedisTest} classes with the JUnit test kit, to check what happens
 * around them: the server is closed after the class, and a server a test left stopped is
 * started again for the next test. The samples are nested classes, which Surefire does
 * not run on its own.
 */
@DisabledIfEnvironmentVariable(named = RedisServer.URL_ENV, matches = ".+",
		disabledReason = "needs a spawned redis-server")
class RedisServerExtensionLifecycleTests {

	@Test
	void serverIsClosedAfterTheClassAndRestartedAfterATestStoppedIt() throws IOException {
		runAndExpectSuccess(StoppingSample.class, 2);
		assertClosed(StoppingSample.server);
	}

	@Test
	void perClassInstanceGetsTheServerInItsConstructor() throws IOException {
		runAndExpectSuccess(PerClassSample.class, 1);
		assertClosed(PerClassSample.server);
	}

	private static void runAndExpectSuccess(Class<?> sample, long tests) {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(sample))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(tests).failed(0));
	}

	private static void assertClosed(RedisServer server) throws IOException {
		assertThat(server.isRunning()).isFalse();
		try (ServerSocket socket = new ServerSocket(server.port(), 1, InetAddress.getByName("127.0.0.1"))) {
			assertThat(socket.getLocalPort()).isEqualTo(server.port());
		}
	}

	@RedisTest
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class StoppingSample {

		static RedisServer server;

		@Test
		@Order(1)
		void stopsTheServer(RedisServer redis) {
			server = redis;
			redis.stop();
		}

		@Test
		@Order(2)
		void findsItRunningAgain(RedisServer redis) {
			assertThat(redis.isRunning()).isTrue();
		}

	}

	@RedisTest
	@TestInstance(Lifecycle.PER_CLASS)
	static class PerClassSample {

		static RedisServer server;

		PerClassSample(RedisServer redis) {
			server = redis;
		}

		@Test
		void runs(RedisServer redis) {
			assertThat(redis).isSameAs(server);
			assertThat(redis.isRunning()).isTrue();
		}

	}

}
