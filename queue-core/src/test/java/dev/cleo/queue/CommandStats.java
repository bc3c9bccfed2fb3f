/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleo.queue.test.RedisServer;

/**
 * Reads how many times Redis has run given commands from {@code INFO commandstats}, so
 * tests can count script calls. Commands that scripts run inside Redis count too.
 */
final class CommandStats {

	private static final Pattern CALLS = Pattern.compile("^cmdstat_([a-z|_-]+):calls=(\\d+)", Pattern.MULTILINE);

	private CommandStats() {
	}

	/**
	 * Calls of the given commands so far.
	 * @param redis the server
	 * @param commands lower-case command names, such as {@code evalsha}
	 * @return the sum of their calls
	 */
	static long calls(RedisServer redis, String... commands) {
		Matcher matcher = CALLS.matcher(redis.info("commandstats"));
		long total = 0;
		while (matcher.find()) {
			for (String command : commands) {
				total += matcher.group(1).equals(command) ? Long.parseLong(matcher.group(2)) : 0;
			}
		}
		return total;
	}

}
