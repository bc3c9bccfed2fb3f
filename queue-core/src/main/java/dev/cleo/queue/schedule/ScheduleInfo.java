/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Instant;

/**
 * A schedule as stored, with its next fire time and last run.
 *
 * @param queue the queue
 * @param name the name
 * @param taskName the task name each tick enqueues
 * @param trigger when it fires
 * @param misfire what happens to missed ticks
 * @param catchUpMax the most missed ticks a catch-up runs
 * @param overlap whether ticks fire while the previous run goes on
 * @param paused whether it is paused
 * @param nextFire the next tick, or {@code null} while paused; for a fixed delay the
 * earliest it may fire (its last run's end decides)
 * @param lastRun the last run enqueued, or {@code null} before the first
 * @param fired how many runs were enqueued
 * @param skipped how many ticks did not run, by the misfire or overlap policy
 * @param owner the application that declares it, or {@code null} when registered through
 * the API
 * @param declaredAt when an instance of its owner last declared it, or {@code null}
 */
public record ScheduleInfo(String queue, String name, String taskName, Trigger trigger, MisfirePolicy misfire,
		int catchUpMax, OverlapPolicy overlap, boolean paused, Instant nextFire, ScheduleRun lastRun, long fired,
		long skipped, String owner, Instant declaredAt) {

}
