package dev.cleo.queue.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary working directory of one spawned {@code redis-server}: its
 * {@code dump.rdb}, its log file and its captured console output (where configuration
 * errors go before the log file is open).
 *
 * @param path the directory
 */
record RedisDirectory(Path path) {

	private static final int TAIL_LINES = 30;

	/**
	 * Creates a new, empty directory under {@code java.io.tmpdir}.
	 * @return the directory
	 */
	static RedisDirectory create() {
		try {
			return new RedisDirectory(Files.createTempDirectory("cleo-redis-"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for redis-server", ex);
		}
	}

	Path log() {
		return this.path.resolve("redis.log");
	}

	Path output() {
		return this.path.resolve("redis.out");
	}

	/**
	 * Removes the logs of a previous launch, so that they cannot be mistaken for the next
	 * one's.
	 */
	void clearLogs() {
		try {
			Files.deleteIfExists(log());
			Files.deleteIfExists(output());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not clear the logs in " + this.path, ex);
		}
	}

	/**
	 * Returns the last lines of the console output and of the log file, for error
	 * messages.
	 * @return the tail, never {@code null}
	 */
	String logTail() {
		return tail(output()) + tail(log());
	}

	private static String tail(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) + "\n";
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Deletes the directory and everything in it, ignoring failures.
	 */
	void delete() {
		try (Stream<Path> files = Files.walk(this.path)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// Already gone, or in use: java.io.tmpdir is cleaned eventually.
		}
	}

}
