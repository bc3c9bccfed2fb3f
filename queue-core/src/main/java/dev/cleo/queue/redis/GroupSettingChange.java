/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.group.GroupRateLimit;

/**
 * One change to a queue's group settings, as {@link QueueAdminStore#writeGroupSetting}
 * takes it: queue-wide, or one group's own setting in place of the queue's. Values are
 * checked by the caller already; how each is stored is {@link GroupSettingsHash}'s
 * business alone.
 */
public sealed interface GroupSettingChange {

	/**
	 * How many tasks of any one group run at once.
	 *
	 * @param concurrency 1 to 10000
	 */
	record Concurrency(int concurrency) implements GroupSettingChange {
	}

	/**
	 * How the queue picks the group whose task runs next.
	 *
	 * @param strategy the strategy
	 */
	record Strategy(GroupProcessingStrategy strategy) implements GroupSettingChange {
	}

	/**
	 * The order in which each group's waiting tasks start.
	 *
	 * @param order the order
	 */
	record Order(GroupOrder order) implements GroupSettingChange {
	}

	/**
	 * The most waiting tasks per group.
	 *
	 * @param maxSize the maximum, 0 for none
	 */
	record MaxSize(int maxSize) implements GroupSettingChange {
	}

	/**
	 * What enqueueing to a full group does.
	 *
	 * @param overflow what happens
	 */
	record Overflow(GroupOverflow overflow) implements GroupSettingChange {
	}

	/**
	 * How often each group may start tasks.
	 *
	 * @param limit the limit, or {@code null} for none
	 */
	record RateLimit(GroupRateLimit limit) implements GroupSettingChange {
	}

	/**
	 * Whether a task waiting for its retry holds its group.
	 *
	 * @param held true to hold the group
	 */
	record HeldForRetries(boolean held) implements GroupSettingChange {
	}

	/**
	 * One group's priority, which the PRIORITY strategy follows.
	 *
	 * @param group the group
	 * @param priority 0 to 1000
	 */
	record OwnPriority(String group, int priority) implements GroupSettingChange {
	}

	/**
	 * One group's maximum size, in place of the queue's.
	 *
	 * @param group the group
	 * @param maxSize the maximum, 0 for none, -1 to follow the queue's again
	 */
	record OwnMaxSize(String group, int maxSize) implements GroupSettingChange {
	}

	/**
	 * One group's rate limit, in place of the queue's.
	 *
	 * @param group the group
	 * @param limit the limit, or {@code null} to follow the queue's again
	 */
	record OwnRateLimit(String group, GroupRateLimit limit) implements GroupSettingChange {
	}

}
