/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The bench's own connection, outside any {@code QueueManager}: it deletes the bench's
 * keys between scenarios and reads Redis's memory use. It never touches a key outside the
 * bench prefix, so it is safe on a Redis that holds other data.
 */
final class BenchRedis implements AutoCloseable {

	private static final Pattern USED_MEMORY = Pattern.compile("^used_memory:(\\d+)", Pattern.MULTILINE);

	private static final Pattern USED_CPU = Pattern.compile("^used_cpu_(?:sys|user):([0-9.]+)", Pattern.MULTILINE);

	private static final int SCAN_BATCH = 1_000;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final RedisCommands<String, String> commands;

	private BenchRedis(RedisClient client) {
		this.client = client;
		this.connection = client.connect();
		this.commands = this.connection.sync();
	}

	static BenchRedis connect(String url) {
		RedisClient client = RedisClient.create(url);
		try {
			return new BenchRedis(client);
		}
		catch (RuntimeException ex) {
			client.shutdown();
			throw ex;
		}
	}

	/**
	 * Delete every key under the prefix with {@code SCAN MATCH} and {@code UNLINK}, a
	 * batch at a time, so Redis never blocks on one big command. Never {@code FLUSHALL}.
	 * @return how many keys were deleted
	 */
	long deletePrefix(String prefix) {
		ScanArgs args = ScanArgs.Builder.matches(prefix + ":*").limit(SCAN_BATCH);
		long deleted = 0;
		KeyScanCursor<String> cursor = this.commands.scan(args);
		while (true) {
			List<String> keys = cursor.getKeys();
			if (!keys.isEmpty()) {
				deleted += this.commands.unlink(keys.toArray(String[]::new));
			}
			if (cursor.isFinished()) {
				return deleted;
			}
			cursor = this.commands.scan(cursor, args);
		}
	}

	/**
	 * @return {@code used_memory} from {@code INFO memory}, in bytes
	 */
	long usedMemory() {
		Matcher matcher = USED_MEMORY.matcher(this.commands.info("memory"));
		if (!matcher.find()) {
			throw new IllegalStateException("INFO memory of " + this.client + " has no used_memory field");
		}
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * The CPU time Redis has used since it started, by all its threads: the sum of
	 * {@code used_cpu_sys} and {@code used_cpu_user} from {@code INFO cpu}.
	 * @return the CPU time in seconds, to the microsecond
	 */
	double usedCpuSeconds() {
		String info = this.commands.info("cpu");
		Matcher matcher = USED_CPU.matcher(info);
		double seconds = 0;
		int found = 0;
		while (matcher.find()) {
			seconds += Double.parseDouble(matcher.group(1));
			found++;
		}
		if (found != 2) {
			throw new IllegalStateException("INFO cpu of " + this.client + " lacks used_cpu_sys or used_cpu_user");
		}
		return seconds;
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
