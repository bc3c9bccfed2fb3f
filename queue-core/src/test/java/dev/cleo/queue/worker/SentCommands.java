/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cleo.queue.test.RedisServer;

/**
 * Records the commands clients send to Redis for a while, through {@code MONITOR}. Unlike
 * {@code INFO commandstats}, it leaves out the commands a Lua script runs inside Redis (a
 * claim script runs four), so it counts round trips, not work.
 */
final class SentCommands {

	private SentCommands() {
	}

	/**
	 * Watch the server for the given time.
	 * @param redis the server
	 * @param window how long to watch
	 * @return the names of the commands sent, in order
	 */
	static List<String> during(RedisServer redis, Duration window) throws IOException {
		try (Socket socket = new Socket(redis.host(), redis.port())) {
			socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			if (!"+OK".equals(in.readLine())) {
				throw new IllegalStateException(redis + " refused MONITOR");
			}
			List<String> sent = new ArrayList<>();
			long deadline = System.nanoTime() + window.toNanos();
			for (long left = window.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
				socket.setSoTimeout((int) left);
				try {
					String line = in.readLine();
					if (line != null && !line.contains(" lua] ")) {
						sent.add(commandName(line));
					}
				}
				catch (SocketTimeoutException ex) {
					break;
				}
			}
			return sent;
		}
	}

	/** A line reads {@code +<time> [<db> <client>] "<command>" "<arg>" ...}. */
	private static String commandName(String line) {
		int start = line.indexOf("] \"") + 3;
		return line.substring(start, line.indexOf('"', start)).toLowerCase(java.util.Locale.ROOT);
	}

}
