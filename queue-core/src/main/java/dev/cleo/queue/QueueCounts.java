/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * How many tasks of a queue are in each place.
 *
 * @param waiting ready to run
 * @param delayed scheduled for later, including failed tasks waiting for their retry
 * @param active leased by workers
 * @param finished completed, cancelled or expired, within retention
 * @param dead in the dead-letter queue
 */
public record QueueCounts(long waiting, long delayed, long active, long finished, long dead) {

}
