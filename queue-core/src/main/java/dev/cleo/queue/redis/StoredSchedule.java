/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.Map;

/**
 * A schedule as Redis holds it (see {@link RedisKeys}); times are epoch milliseconds,
 * {@code null} where there is none yet.
 *
 * @param queue the queue
 * @param name the name
 * @param trigger the encoded trigger
 * @param task the task name
 * @param misfire the misfire policy's name
 * @param catchUpMax the most missed ticks a catch-up runs
 * @param misfireThresholdMillis how late a lone tick may fire
 * @param overlap the overlap policy's name
 * @param paused whether it is paused
 * @param next the next tick, as stored (the compare-and-set value of a fire)
 * @param lastTick the tick of the last run
 * @param lastFiredAt when the last run was enqueued
 * @param lastId the task id of the last run
 * @param lastState the state of the last run's task, or {@code null} when it is gone or
 * was not read
 * @param fired how many runs were enqueued
 * @param skipped how many ticks did not run (misfire or overlap)
 * @param owner the declaring application, or {@code null}
 * @param declaredAt when an instance of the owner last declared it
 */
public record StoredSchedule(String queue, String name, String trigger, String task, String misfire, int catchUpMax,
		long misfireThresholdMillis, String overlap, boolean paused, String next, Long lastTick, Long lastFiredAt,
		String lastId, String lastState, long fired, long skipped, String owner, Long declaredAt) {

	static StoredSchedule of(String queue, String name, Map<String, String> hash, String lastState) {
		return new StoredSchedule(queue, name, hash.get("trigger"), hash.get("task"), hash.get("misfire"),
				(int) number(hash, "catch_up_max", 1), number(hash, "misfire_threshold_ms", 60_000),
				hash.get("overlap"), "1".equals(hash.get("paused")), hash.get("next"), time(hash, "last_tick"),
				time(hash, "last_fired_at"), hash.get("last_id"), lastState, number(hash, "fired", 0),
				number(hash, "skipped", 0), hash.get("owner"), time(hash, "declared_at"));
	}

	/**
	 * @return the next tick in epoch milliseconds
	 */
	public long nextMillis() {
		return Long.parseLong(this.next);
	}

	private static long number(Map<String, String> hash, String field, long absent) {
		String value = hash.get(field);
		return (value != null) ? Long.parseLong(value) : absent;
	}

	private static Long time(Map<String, String> hash, String field) {
		String value = hash.get(field);
		return (value != null) ? Long.valueOf(value) : null;
	}

}
