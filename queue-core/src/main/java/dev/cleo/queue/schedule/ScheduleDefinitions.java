/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.redis.NewSchedule;
import dev.cleo.queue.redis.StoredSchedule;

/**
 * Converts between {@link Schedule} and what Redis stores, in one place.
 */
final class ScheduleDefinitions {

	private ScheduleDefinitions() {
	}

	/** A new trigger's first tick: the next cron tick, or one period from now. */
	static long firstTick(Trigger trigger, long now) {
		return trigger.next(now);
	}

	static NewSchedule toStored(Schedule schedule, String owner, long firstTick, String payload) {
		TaskOptions options = schedule.options();
		String trigger = schedule.trigger().encode();
		long ttl = (options.ttl() != null) ? options.ttl().toMillis() : 0;
		String hash = digest(trigger, schedule.taskName(), payload, Integer.toString(options.priority()),
				Integer.toString(options.maxAttempts()), options.backoff().encode(),
				Long.toString(options.timeout().toMillis()), Long.toString(ttl), String.valueOf(options.group()),
				Boolean.toString(options.notifyOnFinish()), schedule.misfire().name(),
				Integer.toString(schedule.catchUpMax()), Long.toString(schedule.misfireThreshold().toMillis()),
				schedule.overlap().name());
		return new NewSchedule(schedule.name(), owner, hash, trigger, firstTick, schedule.taskName(), payload,
				options.priority(), options.maxAttempts(), options.backoff().encode(), options.timeout().toMillis(),
				ttl, options.group(), options.notifyOnFinish(), schedule.misfire().name(), schedule.catchUpMax(),
				schedule.misfireThreshold().toMillis(), schedule.overlap().name());
	}

	static ScheduleInfo info(StoredSchedule stored) {
		ScheduleRun last = null;
		if (stored.lastId() != null) {
			last = new ScheduleRun(instant(stored.lastTick()), instant(stored.lastFiredAt()), stored.lastId(),
					(stored.lastState() != null) ? TaskState.fromValue(stored.lastState()) : null);
		}
		Instant next = stored.paused() ? null : Instant.ofEpochMilli(stored.nextMillis());
		return new ScheduleInfo(stored.queue(), stored.name(), stored.task(), Trigger.decode(stored.trigger()),
				MisfirePolicy.valueOf(stored.misfire()), stored.catchUpMax(), OverlapPolicy.valueOf(stored.overlap()),
				stored.paused(), next, last, stored.fired(), stored.skipped(), stored.owner(),
				instant(stored.declaredAt()));
	}

	private static Instant instant(Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	/** SHA-256 over the values, each preceded by its length so no two lists collide. */
	private static String digest(String... values) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String value : values) {
				digest.update((value.length() + ":" + value + ";").getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	}

}
