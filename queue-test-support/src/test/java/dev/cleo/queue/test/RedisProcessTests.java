package dev.cleo.queue.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RedisProcess}: port clashes, start-up failures and clean-up.
 */
class RedisProcessTests {

	private static final Path REDIS_SERVER = RedisBackends.findBinary().orElseThrow();

	@Test
	void startRetriesOnAnotherPortWhenThePortIsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int free = RedisBackends.freePort();
			PrimitiveIterator.OfInt ports = IntStream.of(taken.getLocalPort(), free).iterator();
			RedisProcess redis = RedisProcess.start(REDIS_SERVER, ports::nextInt);
			try {
				assertThat(redis.endpoint().port()).isEqualTo(free);
				assertThat(redis.endpoint().answersPing()).isTrue();
			}
			finally {
				redis.close();
			}
		}
	}

	@Test
	void startFailsWithTheLogTailWhenRedisExits(@TempDir Path dir) throws IOException {
		Path fake = dir.resolve("fake-redis-server");
		Files.writeString(fake, "#!/bin/sh\necho '*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***'\nexit 1\n");
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
		assertThatIllegalStateException().isThrownBy(() -> RedisProcess.start(fake, RedisBackends::freePort))
			.withMessageContaining("redis-server exited with code 1 before answering PING")
			.withMessageContaining("FATAL CONFIG FILE ERROR");
	}

	@Test
	void closeDeletesTheWorkingDirectory() throws IOException {
		RedisProcess redis = RedisProcess.start(REDIS_SERVER, RedisBackends::freePort);
		Path dir = Path.of((String) ((List<?>) redis.endpoint().call("CONFIG", "GET", "dir")).get(1));
		assertThat(dir).isDirectory();
		redis.stop();
		assertThat(dir.resolve("dump.rdb")).isRegularFile();
		redis.close();
		assertThat(dir).doesNotExist();
	}

}
