/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.group.GroupInfo;
import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.group.GroupSettings;
import dev.cleo.queue.group.GroupStats;

/**
 * A queue's groups as the {@code queues} endpoint describes them.
 *
 * @param strategy how the next group is chosen
 * @param concurrency how many tasks of one group run at once
 * @param order the order in which each group's tasks start
 * @param maxSize the most waiting tasks per group, 0 for no maximum
 * @param overflow what enqueueing to a full group does
 * @param rateLimit how often each group may start tasks, {@code null} for no limit
 * @param heldForRetries whether a task waiting for its retry holds its group
 * @param listed the groups with waiting or running tasks, paused, held by a retry or out
 * of rate, by name (the first {@value QueuesReader#GROUPS_LISTED})
 * @param stats the listed groups' statistics (completed, failed attempts, dead,
 * durations, throughput), by group
 */
public record GroupsDescriptor(GroupProcessingStrategy strategy, int concurrency, GroupOrder order, int maxSize,
		GroupOverflow overflow, @Nullable GroupRateLimit rateLimit, boolean heldForRetries, List<GroupInfo> listed,
		Map<String, GroupStats> stats) {

	static GroupsDescriptor of(GroupSettings settings, List<GroupInfo> listed, Map<String, GroupStats> stats) {
		return new GroupsDescriptor(settings.strategy(), settings.concurrency(), settings.order(), settings.maxSize(),
				settings.overflow(), settings.rateLimit(), settings.heldForRetries(), listed, stats);
	}

}
