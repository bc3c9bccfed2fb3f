package dev.cleo.queue.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.cleo.queue.test.RedisServer.BINARY_ENV;
import static dev.cleo.queue.test.RedisServer.URL_ENV;

/**
 * Chooses how to get a Redis server, in the order documented on {@link RedisServer}.
 * Docker is the last resort because a container cannot be restarted on the same port.
 */
final class RedisBackends {

	private static final String TESTCONTAINERS_CLASS = "org.testcontainers.DockerClientFactory";

	private RedisBackends() {
	}

	/**
	 * Starts or connects to a server.
	 * @return a backend answering {@code PING}
	 */
	static RedisBackend start() {
		String url = System.getenv(URL_ENV);
		if (url != null && !url.isBlank()) {
			return ExternalRedis.connect(url.trim());
		}
		Optional<Path> binary = findBinary();
		if (binary.isPresent()) {
			return RedisProcess.start(binary.get(), RedisBackends::freePort);
		}
		if (isTestcontainersPresent() && DockerRedis.isDockerAvailable()) {
			return DockerRedis.start();
		}
		throw new IllegalStateException("No Redis server for the tests: install redis-server (Debian: apt-get install"
				+ " -y redis-server), or set " + URL_ENV + "=redis://host:port, or start a Docker engine for"
				+ " Testcontainers");
	}

	/**
	 * Finds the {@code redis-server} executable: the one named by
	 * {@value RedisServer#BINARY_ENV}, else the first on {@code PATH}.
	 * @return the executable, or empty when there is none
	 */
	static Optional<Path> findBinary() {
		String configured = System.getenv(BINARY_ENV);
		if (configured != null && !configured.isBlank()) {
			Path binary = Path.of(configured.trim());
			if (!Files.isExecutable(binary)) {
				throw new IllegalStateException(BINARY_ENV + "=" + configured + " is not an executable file: point it"
						+ " at redis-server or unset it");
			}
			return Optional.of(binary);
		}
		return findOnPath("redis-server");
	}

	/**
	 * Finds an executable in the directories of {@code PATH}.
	 * @param name the file name, such as {@code openssl}
	 * @return the first executable of that name, or empty when there is none
	 */
	static Optional<Path> findOnPath(String name) {
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static boolean isTestcontainersPresent() {
		try {
			Class.forName(TESTCONTAINERS_CLASS, false, RedisBackends.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Returns a loopback port that was free a moment ago; {@link RedisProcess} retries
	 * when another process takes it first.
	 * @return the port
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free loopback port", ex);
		}
	}

}
