/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cleo.queue.test.RedisEndpoint.RedisErrorReply;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis Sentinel setup on loopback, for tests: one master {@code redis-server} and
 * one Sentinel ({@code redis-server <file> --sentinel}) monitoring it with quorum 1, each
 * a child process in its own temporary directory. {@link #start()} returns once the
 * Sentinel is connected to the master, so a client asking it for the master gets an
 * address that answers. Always {@linkplain #close() close} it; processes left open are
 * ended when the JVM exits.
 */
public final class RedisSentinel implements AutoCloseable {

	private static final String MASTER_NAME = "cleo-master";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

	private static final long POLL_MILLIS = 20;

	private static final String HOW_TO = "install redis-server (Debian: apt-get install -y redis-server) or set "
			+ RedisServer.BINARY_ENV + " to a redis-server";

	/** The master first, then the Sentinel; closed in reverse. */
	private final List<RedisProcess> processes = new ArrayList<>();

	private RedisSentinel() {
	}

	/**
	 * Starts the master and the Sentinel on free loopback ports and waits until the
	 * Sentinel has connected to the master.
	 * @return the running setup
	 * @throws IllegalStateException when {@code redis-server} is missing (with how to get
	 * it), or when the Sentinel does not see the master in time
	 */
	public static RedisSentinel start() {
		Path server = RedisBackends.findBinary()
			.orElseThrow(() -> new IllegalStateException("No redis-server for Redis Sentinel: " + HOW_TO));
		RedisSentinel setup = new RedisSentinel();
		try {
			RedisProcess master = setup.add(RedisProcess.start(server, RedisBackends::freePort));
			setup.add(startSentinel(server, master.endpoint()));
			setup.awaitMasterSeen(master.endpoint());
			return setup;
		}
		catch (RuntimeException ex) {
			setup.close();
			throw ex;
		}
	}

	/**
	 * Skips the calling test (a JUnit assumption) when {@code redis-server} is missing,
	 * saying how to get it.
	 */
	public static void assumeAvailable() {
		Optional<Path> server = RedisBackends.findBinary();
		Assumptions.assumeTrue(server.isPresent(), () -> "Redis Sentinel tests skipped: " + HOW_TO);
	}

	/**
	 * Returns the name the Sentinel monitors the master under, as
	 * {@code spring.data.redis.sentinel.master} takes it.
	 * @return the master name
	 */
	public String masterName() {
		return MASTER_NAME;
	}

	/**
	 * Returns the Sentinel's {@code host:port}, as
	 * {@code spring.data.redis.sentinel.nodes} takes it.
	 * @return the address
	 */
	public String sentinelAddress() {
		RedisEndpoint sentinel = sentinel().endpoint();
		return sentinel.host() + ":" + sentinel.port();
	}

	/**
	 * Creates a Lettuce client that asks the Sentinel for the master; the caller shuts it
	 * down.
	 * @return a new client
	 */
	public RedisClient newClient() {
		RedisEndpoint sentinel = sentinel().endpoint();
		return RedisClient.create(RedisURI.Builder.sentinel(sentinel.host(), sentinel.port(), MASTER_NAME).build());
	}

	/**
	 * Ends the Sentinel, then the master ({@code SHUTDOWN NOSAVE}, else destroyed), and
	 * deletes their directories. Never throws.
	 */
	@Override
	public void close() {
		for (int i = this.processes.size() - 1; i >= 0; i--) {
			try {
				this.processes.get(i).close();
			}
			catch (RuntimeException ex) {
				// Keep closing the other; the JVM exit hook retries.
			}
		}
	}

	/**
	 * Returns the working directories of the master and the Sentinel, for tests of this
	 * class.
	 * @return the directories
	 */
	List<Path> directories() {
		return this.processes.stream().map((process) -> process.directory().path()).toList();
	}

	/**
	 * Returns whether both processes are alive, for tests of this class.
	 * @return {@code true} while both run
	 */
	boolean isRunning() {
		return this.processes.size() == 2 && this.processes.stream().allMatch(RedisProcess::isRunning);
	}

	@Override
	public String toString() {
		return "Redis Sentinel " + sentinelAddress() + " monitoring " + MASTER_NAME;
	}

	private RedisProcess add(RedisProcess process) {
		this.processes.add(process);
		return process;
	}

	private RedisProcess sentinel() {
		return this.processes.get(1);
	}

	/**
	 * Starts a Sentinel whose configuration file names the master; Sentinel rewrites that
	 * file with its state, so it lives in the Sentinel's own directory.
	 */
	private static RedisProcess startSentinel(Path server, RedisEndpoint master) {
		RedisDirectory directory = RedisDirectory.create();
		Path config = directory.path().resolve("sentinel.conf");
		try {
			Files.writeString(config,
					"sentinel monitor " + MASTER_NAME + " " + master.host() + " " + master.port() + " 1\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			directory.delete();
			throw new UncheckedIOException("Could not write " + config, ex);
		}
		return RedisProcess.start(server, directory, RedisBackends::freePort, RedisLaunch.sentinel(config));
	}

	/**
	 * Waits until the Sentinel names our master and flags it plain {@code master}: it
	 * answers {@code get-master-addr-by-name} from its configuration at once, but flags
	 * the master {@code disconnected} until it has actually reached it.
	 */
	private void awaitMasterSeen(RedisEndpoint master) {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		List<Object> expected = List.of(master.host(), Integer.toString(master.port()));
		while (!(expected.equals(ask("GET-MASTER-ADDR-BY-NAME")) && "master".equals(flags()))) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException(this + " did not report master " + expected + " as connected within "
						+ READY_TIMEOUT.toSeconds() + " s; SENTINEL MASTER: " + ask("MASTER") + "; log:\n"
						+ sentinel().directory().logTail());
			}
			pause();
		}
	}

	/**
	 * Returns the {@code flags} field of {@code SENTINEL MASTER}, a list of names and
	 * values.
	 */
	private String flags() {
		if (ask("MASTER") instanceof List<?> fields) {
			int index = fields.indexOf("flags");
			return (index >= 0 && index + 1 < fields.size()) ? String.valueOf(fields.get(index + 1)) : null;
		}
		return null;
	}

	private Object ask(String subcommand) {
		try {
			return sentinel().endpoint().call("SENTINEL", subcommand, MASTER_NAME);
		}
		catch (IOException | RedisErrorReply ex) {
			return ex.toString();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Sentinel", ex);
		}
	}

}
