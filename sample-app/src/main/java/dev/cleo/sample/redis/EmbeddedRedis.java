/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} child process on a free loopback port, without
 * persistence, for the demo and for the sample application when no Redis is configured.
 * {@link #close()} stops it and deletes its directory; a JVM shutdown hook does the same
 * if nobody closed it, after giving an orderly close (a Spring context draining its
 * workers) a few seconds to happen first. The executable is the one named by
 * {@code CLEO_REDIS_SERVER}, else {@code redis-server} on the PATH.
 */
public final class EmbeddedRedis implements AutoCloseable {

	/** Environment variable naming the {@code redis-server} executable. */
	public static final String BINARY_ENV = "CLEO_REDIS_SERVER";

	private static final long START_TIMEOUT_MILLIS = 10_000;

	/**
	 * The server runs in a session of its own where {@code setsid} exists, so that Ctrl-C
	 * in a terminal (a SIGINT to the whole foreground process group) reaches only the
	 * JVM, which drains its worker pools and then stops the server. In the terminal's
	 * group, the server would die at once and the last task outcomes could not be
	 * written. A child of the JVM is never a group leader, so {@code setsid} replaces
	 * itself with the server and {@link #pid()} stays the server's.
	 */
	private static final List<String> OWN_SESSION = Files.isExecutable(Path.of("/usr/bin/setsid"))
			? List.of("/usr/bin/setsid") : List.of();

	/** How long the shutdown hook waits for an orderly {@link #close()}. */
	private static final long HOOK_GRACE_SECONDS = 20;

	private final Process process;

	private final int port;

	private final Path dir;

	private final CountDownLatch closed = new CountDownLatch(1);

	private final Thread shutdownHook = new Thread(this::stopAtExit, "embedded-redis-shutdown");

	private EmbeddedRedis(Process process, int port, Path dir) {
		this.process = process;
		this.port = port;
		this.dir = dir;
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Start {@code redis-server} from {@code CLEO_REDIS_SERVER} or the PATH.
	 * @return the running server, answering {@code PING}
	 * @throws EmbeddedRedisException when it cannot be started
	 */
	public static EmbeddedRedis start() {
		return start(System.getenv().getOrDefault(BINARY_ENV, "redis-server"));
	}

	/**
	 * Start a {@code redis-server}.
	 * @param binary the executable, a path or a name looked up on the PATH
	 * @return the running server, answering {@code PING}
	 * @throws EmbeddedRedisException when it cannot be started
	 */
	public static EmbeddedRedis start(String binary) {
		EmbeddedRedis redis;
		try {
			int port = freePort();
			Path dir = Files.createTempDirectory("cleo-embedded-redis");
			List<String> command = new ArrayList<>(OWN_SESSION);
			command.addAll(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
					"--appendonly", "no", "--dir", dir.toString()));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
			redis = new EmbeddedRedis(process, port, dir);
		}
		catch (IOException ex) {
			throw new EmbeddedRedisException("Could not start '" + binary + "' (" + ex.getMessage() + ")", ex);
		}
		redis.awaitPing();
		return redis;
	}

	/**
	 * @return the URI clients connect to, {@code redis://127.0.0.1:PORT}
	 */
	public String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * @return the TCP port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * @return the process id of the {@code redis-server}
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * @return whether the process is still alive
	 */
	public boolean isRunning() {
		return this.process.isAlive();
	}

	@Override
	public void close() {
		stop();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down; the hook sees the latch and returns.
		}
	}

	private void stopAtExit() {
		try {
			this.closed.await(HOOK_GRACE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		stop();
	}

	private synchronized void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(this.dir.resolve("redis.log"));
			Files.deleteIfExists(this.dir);
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// A leftover temporary directory is harmless.
		}
		finally {
			this.closed.countDown();
		}
	}

	private void awaitPing() {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			if (answersPing()) {
				return;
			}
			pause();
		}
		String log = readLog();
		close();
		throw new EmbeddedRedisException("redis-server on port " + this.port + " did not answer PING within "
				+ START_TIMEOUT_MILLIS + " ms. Its output:\n" + log, null);
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			socket.setSoTimeout(500);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			return "+PONG".equals(in.readLine());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String readLog() {
		try {
			return Files.readString(this.dir.resolve("redis.log"));
		}
		catch (IOException ex) {
			return "(none: " + ex.getMessage() + ")";
		}
	}

	private void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new EmbeddedRedisException("Interrupted while waiting for redis-server to start", ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
