/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.demo;

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
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} child process on a free loopback port, without
 * persistence, for the demo. {@link #close()} (or JVM exit) stops it and deletes its
 * directory. The executable is the one named by {@code CLEO_REDIS_SERVER}, else
 * {@code redis-server} on the PATH.
 */
final class EmbeddedRedis implements AutoCloseable {

	private static final long START_TIMEOUT_MILLIS = 10_000;

	private final Process process;

	private final int port;

	private final Path dir;

	private final Thread shutdownHook = new Thread(this::stop, "embedded-redis-shutdown");

	private EmbeddedRedis(Process process, int port, Path dir) {
		this.process = process;
		this.port = port;
		this.dir = dir;
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	static EmbeddedRedis start() {
		String binary = System.getenv().getOrDefault("CLEO_REDIS_SERVER", "redis-server");
		EmbeddedRedis redis;
		try {
			int port = freePort();
			Path dir = Files.createTempDirectory("cleo-demo-redis");
			Process process = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no", "--dir", dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
			redis = new EmbeddedRedis(process, port, dir);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start '" + binary + "' for the demo (" + ex.getMessage()
					+ "): install Redis, set CLEO_REDIS_SERVER to its redis-server, or pass --redis-url", ex);
		}
		redis.awaitPing();
		return redis;
	}

	String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		stop();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down, and the hook stops the server.
		}
	}

	private void stop() {
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
		throw new IllegalStateException("redis-server on port " + this.port + " did not answer PING within "
				+ START_TIMEOUT_MILLIS + " ms; pass --redis-url to use a running Redis instead. Its output:\n" + log);
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
			throw new IllegalStateException("Interrupted while waiting for redis-server to start", ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
