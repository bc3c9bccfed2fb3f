/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

/**
 * A queue's group settings as every instance follows them, read in one round trip by
 * {@link QueueGroups#settings()}; per-group overrides (priorities, sizes, rate limits)
 * are not included.
 *
 * @param strategy how the next group is chosen
 * @param order the order in which each group's tasks start
 * @param concurrency how many tasks of one group run at once
 * @param maxSize the most waiting tasks per group, 0 for no maximum
 * @param overflow what enqueueing to a full group does
 * @param rateLimit how often each group may start tasks, or {@code null} for no limit
 * @param heldForRetries whether a task waiting for its retry holds its group
 */
public record GroupSettings(GroupProcessingStrategy strategy, GroupOrder order, int concurrency, int maxSize,
		GroupOverflow overflow, GroupRateLimit rateLimit, boolean heldForRetries) {

}
