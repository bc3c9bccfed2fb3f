/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

import java.util.Map;

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

	/** The stored fields these settings are read from. */
	static final String[] FIELDS = { "strategy", "order", "concurrency", "max-size", "overflow", "rate",
			"retry-holds" };

	/** Settings from stored fields; an absent field is its default. */
	static GroupSettings of(Map<String, String> stored) {
		String strategy = stored.get("strategy");
		String order = stored.get("order");
		String concurrency = stored.get("concurrency");
		String maxSize = stored.get("max-size");
		String overflow = stored.get("overflow");
		String rate = stored.get("rate");
		return new GroupSettings(
				(strategy != null) ? GroupProcessingStrategy.valueOf(strategy) : GroupProcessingStrategy.ROUND_ROBIN,
				(order != null) ? GroupOrder.valueOf(order) : GroupOrder.FIFO,
				(concurrency != null) ? Integer.parseInt(concurrency) : 1,
				(maxSize != null) ? Integer.parseInt(maxSize) : 0,
				(overflow != null) ? GroupOverflow.valueOf(overflow) : GroupOverflow.FAIL,
				(rate != null) ? GroupRateLimit.decode(rate) : null, !"0".equals(stored.get("retry-holds")));
	}

}
