/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;

import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Outcome;

/**
 * An attempt's outcome on its way to Redis, with what the events about it need.
 *
 * @param task the claimed task
 * @param outcome the outcome to record
 * @param duration how long the attempt ran
 */
record FinishedAttempt(ClaimedTask task, Outcome outcome, Duration duration) {

}
