package dev.cleo.queue.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleo.queue.test.RedisEndpoint.RedisErrorReply;
import io.lettuce.core.RedisClient;

/**
 * A real Redis server for tests. {@link #start()} takes the first that works of: the
 * server named by {@value #URL_ENV}; a {@code redis-server} child process on a free
 * loopback port (the binary named by {@value #BINARY_ENV}, else the one on {@code PATH});
 * a Testcontainers {@code redis:7-alpine} container. Only a spawned process can be
 * {@linkplain #stop() stopped} and {@linkplain #restart() restarted}, which fault tests
 * need. Always {@linkplain #close() close} the server: a stray {@code redis-server} holds
 * its port.
 */
public final class RedisServer implements AutoCloseable {

	/**
	 * Environment variable naming an external server, such as
	 * {@code redis://127.0.0.1:6379}.
	 */
	public static final String URL_ENV = "CLEO_TEST_REDIS_URL";

	/** Environment variable naming the {@code redis-server} executable to spawn. */
	public static final String BINARY_ENV = "CLEO_REDIS_SERVER";

	private static final Pattern USED_MEMORY = Pattern.compile("^used_memory:(\\d+)", Pattern.MULTILINE);

	private final RedisBackend backend;

	RedisServer(RedisBackend backend) {
		this.backend = backend;
	}

	/**
	 * Starts (or connects to) a Redis server, as described on this class.
	 * @return a server answering {@code PING}
	 * @throws IllegalStateException when no way of getting Redis works here, with a
	 * message saying how to get one
	 */
	public static RedisServer start() {
		return new RedisServer(RedisBackends.start());
	}

	/**
	 * Spawns a {@code redis-server} that writes every change to its append-only file
	 * before it answers ({@code appendonly yes}, {@code appendfsync always}), so that
	 * {@link #restart()} brings the data back from that file, as a server configured for
	 * durability does.
	 * @return a server answering {@code PING}
	 * @throws IllegalStateException when there is no {@code redis-server} to spawn (an
	 * external server or a container is not configured by the tests)
	 */
	public static RedisServer startWithAppendOnlyFile() {
		Path binary = RedisBackends.findBinary()
			.orElseThrow(() -> new IllegalStateException("A Redis with an append-only file needs redis-server: install"
					+ " it (Debian: apt-get install -y redis-server) or set " + BINARY_ENV));
		return new RedisServer(RedisProcess.start(binary, RedisBackends::freePort,
				List.of("--appendonly", "yes", "--appendfsync", "always")));
	}

	/**
	 * Returns the URI clients connect to, such as {@code redis://127.0.0.1:6379}.
	 * @return the URI
	 */
	public String uri() {
		return this.backend.uri();
	}

	/**
	 * Returns the host the server listens on.
	 * @return the host name or address
	 */
	public String host() {
		return this.backend.endpoint().host();
	}

	/**
	 * Returns the port the server listens on; it stays the same across
	 * {@link #restart()}.
	 * @return the TCP port
	 */
	public int port() {
		return this.backend.endpoint().port();
	}

	/**
	 * Returns whether {@link #stop()} and {@link #restart()} work, that is whether this
	 * is a spawned process. Fault tests can skip themselves with
	 * {@code assumeTrue(redis.supportsRestart())}.
	 * @return {@code true} for a spawned {@code redis-server}
	 */
	public boolean supportsRestart() {
		return this.backend.supportsRestart();
	}

	/**
	 * Stops the server with {@code SHUTDOWN SAVE}, so its data is written to
	 * {@code dump.rdb}, and waits for the process to exit. Does nothing when it is
	 * already stopped.
	 * @throws UnsupportedOperationException when the server is not a spawned process
	 */
	public void stop() {
		this.backend.stop();
	}

	/**
	 * Starts the server again on the same port and directory, so the data saved by
	 * {@link #stop()} comes back. Stops it first (saving) when it is running.
	 * @throws UnsupportedOperationException when the server is not a spawned process
	 */
	public void restart() {
		this.backend.restart();
	}

	/**
	 * Returns whether the server is up: the process is alive, or the external server
	 * answers {@code PING}.
	 * @return {@code true} while it runs
	 */
	public boolean isRunning() {
		return this.backend.isRunning();
	}

	/**
	 * Deletes every key in every database ({@code FLUSHALL}).
	 */
	public void flushAll() {
		call("FLUSHALL");
	}

	/**
	 * Returns the raw text of {@code INFO <section>}, lines of {@code field:value}.
	 * @param section an INFO section such as {@code server}, {@code memory} or
	 * {@code keyspace}
	 * @return the text Redis answered
	 */
	public String info(String section) {
		return (String) call("INFO", section);
	}

	/**
	 * Returns {@code used_memory} from {@code INFO memory}.
	 * @return the bytes Redis has allocated
	 */
	public long usedMemory() {
		Matcher matcher = USED_MEMORY.matcher(info("memory"));
		if (!matcher.find()) {
			throw new IllegalStateException("INFO memory of " + this + " has no used_memory field");
		}
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * Creates a Lettuce client for this server; the caller shuts it down.
	 * @return a new client for {@link #uri()}
	 */
	public RedisClient newClient() {
		return RedisClient.create(uri());
	}

	/**
	 * Ends the server: a spawned process gets {@code SHUTDOWN NOSAVE} (or is destroyed)
	 * and its temporary directory is deleted; a container is stopped; an external server
	 * is left alone. Never throws.
	 */
	@Override
	public void close() {
		this.backend.close();
	}

	@Override
	public String toString() {
		return this.backend.toString();
	}

	private Object call(String... command) {
		try {
			return this.backend.endpoint().call(command);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not send " + command[0] + " to " + this, ex);
		}
		catch (RedisErrorReply ex) {
			throw new IllegalStateException(this + " answered " + command[0] + " with " + ex.getMessage(), ex);
		}
	}

}
