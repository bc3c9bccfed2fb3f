/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

/**
 * What the enqueue script did with one task.
 *
 * @param id the id of the stored task (the first task's id for a duplicate)
 * @param duplicate whether an existing task with the same deduplication id was returned
 * instead
 */
public record EnqueueResult(String id, boolean duplicate) {

}
