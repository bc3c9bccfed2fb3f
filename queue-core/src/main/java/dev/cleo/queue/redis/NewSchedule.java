/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;

/**
 * A schedule definition ready to be written by the save script, fields as
 * {@link RedisKeys} documents them.
 *
 * @param name the schedule name
 * @param owner the declaring application, or {@code null} when registered through the API
 * @param hash a digest of the definition; an equal one changes nothing
 * @param trigger the encoded trigger
 * @param firstTick the first tick (ms) when the trigger is new or changed
 * @param task the task name
 * @param payloadJson the payload as JSON
 * @param priority the numeric priority
 * @param maxAttempts the maximum number of attempts
 * @param backoff the encoded backoff
 * @param timeoutMillis the attempt timeout (0 = none)
 * @param ttlMillis how long a run may wait for its start (0 = no limit)
 * @param group the group, or {@code null}
 * @param notifyOnFinish whether a run's end is published
 * @param misfire the misfire policy's name
 * @param catchUpMax the most missed ticks a catch-up runs
 * @param misfireThresholdMillis how late a lone tick may fire
 * @param overlap the overlap policy's name
 */
public record NewSchedule(String name, String owner, String hash, String trigger, long firstTick, String task,
		String payloadJson, int priority, int maxAttempts, String backoff, long timeoutMillis, long ttlMillis,
		String group, boolean notifyOnFinish, String misfire, int catchUpMax, long misfireThresholdMillis,
		String overlap) {

	/** Append the save script's arguments after the prefix, in its order. */
	void addArgs(List<String> args) {
		args.add(this.name);
		args.add((this.owner != null) ? this.owner : "");
		args.add(this.hash);
		args.add(this.trigger);
		args.add(Long.toString(this.firstTick));
		pair(args, "task", this.task);
		pair(args, "payload", this.payloadJson);
		pair(args, "priority", Integer.toString(this.priority));
		pair(args, "max_attempts", Integer.toString(this.maxAttempts));
		pair(args, "backoff", this.backoff);
		pair(args, "timeout_ms", Long.toString(this.timeoutMillis));
		pair(args, "ttl_ms", Long.toString(this.ttlMillis));
		pair(args, "group", (this.group != null) ? this.group : "");
		pair(args, "notify", this.notifyOnFinish ? "1" : "");
		pair(args, "misfire", this.misfire);
		pair(args, "catch_up_max", Integer.toString(this.catchUpMax));
		pair(args, "misfire_threshold_ms", Long.toString(this.misfireThresholdMillis));
		pair(args, "overlap", this.overlap);
	}

	private static void pair(List<String> args, String field, String value) {
		args.add(field);
		args.add(value);
	}

}
