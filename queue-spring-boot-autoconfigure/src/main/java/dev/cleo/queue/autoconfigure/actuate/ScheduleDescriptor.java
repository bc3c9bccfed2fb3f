/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.schedule.MisfirePolicy;
import dev.cleo.queue.schedule.OverlapPolicy;
import dev.cleo.queue.schedule.ScheduleInfo;
import dev.cleo.queue.schedule.ScheduleRun;

/**
 * A schedule of a queue as the {@code queues} endpoint shows it.
 *
 * @param name the schedule's name, which the schedule actions take
 * @param task the task each tick enqueues
 * @param trigger when it fires, such as {@code cron '0 0 * * * *' (SPRING, UTC)},
 * {@code every PT30S} or {@code PT5M after each run}
 * @param misfire what happens to missed ticks
 * @param catchUpMax the most missed ticks a catch-up runs
 * @param overlap whether ticks fire while the previous run goes on
 * @param paused whether it is paused
 * @param nextFire its next tick, or {@code null} while paused
 * @param lastRun its last run (tick, when it was fired, task id, the task's state), or
 * {@code null} before the first
 * @param fired how many runs it enqueued
 * @param skipped how many ticks did not run, by the misfire or overlap policy
 * @param owner the application that declares it, or {@code null} when registered through
 * the API
 */
public record ScheduleDescriptor(String name, String task, String trigger, MisfirePolicy misfire, int catchUpMax,
		OverlapPolicy overlap, boolean paused, @Nullable Instant nextFire, @Nullable ScheduleRun lastRun, long fired,
		long skipped, @Nullable String owner) {

	static ScheduleDescriptor of(ScheduleInfo info) {
		return new ScheduleDescriptor(info.name(), info.taskName(), info.trigger().toString(), info.misfire(),
				info.catchUpMax(), info.overlap(), info.paused(), info.nextFire(), info.lastRun(), info.fired(),
				info.skipped(), info.owner());
	}

}
