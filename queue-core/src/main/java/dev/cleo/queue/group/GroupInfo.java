/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

/**
 * One group of a queue, as {@link QueueGroups#list(int)} reads it.
 *
 * @param name the group
 * @param waiting its tasks waiting to start
 * @param active its tasks running now, on any instance
 * @param paused whether the group is paused
 * @param heldByRetry whether a task waiting for its retry holds the group
 * @param priority its priority under {@link GroupProcessingStrategy#PRIORITY}
 */
public record GroupInfo(String name, long waiting, long active, boolean paused, boolean heldByRetry, int priority) {

}
