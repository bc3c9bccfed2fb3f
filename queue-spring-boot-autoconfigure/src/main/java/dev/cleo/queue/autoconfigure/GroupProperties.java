/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupProcessingStrategy;

/**
 * One queue's group settings ({@code cleo.queues.<name>.groups.*}), written to Redis when
 * the application starts, so every instance's workers follow them; unset values leave
 * what Redis holds (set at run time through {@code QueueManager}) alone.
 */
public class GroupProperties {

	/**
	 * How the queue picks the group whose task runs next: round-robin, fifo or priority.
	 */
	private GroupProcessingStrategy strategy;

	/**
	 * How many tasks of one group run at once across all instances (1 to 10000); 1 runs
	 * each group's tasks one at a time, in enqueue order.
	 */
	private Integer concurrency;

	/**
	 * Whether a task waiting for its retry holds its group until it ends (keeping the
	 * group's order); false lets the group's other tasks go on meanwhile.
	 */
	private Boolean holdForRetries;

	/**
	 * The order in which each group's waiting tasks start: fifo, lifo or priority (task
	 * priority, then oldest first). Changes only while no grouped task waits.
	 */
	private GroupOrder order;

	/**
	 * The most waiting tasks per group (1 to 1000000000, 0 for no maximum).
	 */
	private Integer maxSize;

	/**
	 * What enqueueing to a full group does: fail (refuse the task) or drop-oldest.
	 */
	private GroupOverflow overflow;

	/**
	 * How often each group may start tasks, across all instances.
	 */
	private final RateLimit rateLimit = new RateLimit();

	/**
	 * Group priorities (0 to 1000, higher first) for the priority strategy, by group
	 * name.
	 */
	private final Map<String, Integer> priorities = new LinkedHashMap<>();

	/**
	 * Settings of single groups in place of the queue's, by group name.
	 */
	private final Map<String, GroupOverride> overrides = new LinkedHashMap<>();

	/**
	 * Groups whose statistics become meters tagged with the group (at most 100 per
	 * queue). Only these: a tag per group would make the number of time series grow with
	 * the groups. Every group's stats stay readable through QueueManager.groupStats and
	 * the queues endpoint.
	 */
	private final List<String> meteredGroups = new ArrayList<>();

	/**
	 * Whether any group setting is configured for the queue.
	 * @return true when Cleo writes something for it
	 */
	boolean isSet() {
		return this.strategy != null || this.concurrency != null || this.holdForRetries != null || this.order != null
				|| this.maxSize != null || this.overflow != null || this.rateLimit.isSet() || !this.priorities.isEmpty()
				|| !this.overrides.isEmpty();
	}

	public GroupProcessingStrategy getStrategy() {
		return this.strategy;
	}

	public void setStrategy(GroupProcessingStrategy strategy) {
		this.strategy = strategy;
	}

	public Integer getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(Integer concurrency) {
		this.concurrency = concurrency;
	}

	public Boolean getHoldForRetries() {
		return this.holdForRetries;
	}

	public void setHoldForRetries(Boolean holdForRetries) {
		this.holdForRetries = holdForRetries;
	}

	public Map<String, Integer> getPriorities() {
		return this.priorities;
	}

	public List<String> getMeteredGroups() {
		return this.meteredGroups;
	}

	public GroupOrder getOrder() {
		return this.order;
	}

	public void setOrder(GroupOrder order) {
		this.order = order;
	}

	public Integer getMaxSize() {
		return this.maxSize;
	}

	public void setMaxSize(Integer maxSize) {
		this.maxSize = maxSize;
	}

	public GroupOverflow getOverflow() {
		return this.overflow;
	}

	public void setOverflow(GroupOverflow overflow) {
		this.overflow = overflow;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public Map<String, GroupOverride> getOverrides() {
		return this.overrides;
	}

	/**
	 * At most tasks starts per period; both or neither.
	 */
	public static class RateLimit {

		/**
		 * The most starts per period (at least 1).
		 */
		private Integer tasks;

		/**
		 * The period (1ms to 1 day).
		 */
		private Duration period;

		public Integer getTasks() {
			return this.tasks;
		}

		public void setTasks(Integer tasks) {
			this.tasks = tasks;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

		boolean isSet() {
			return this.tasks != null || this.period != null;
		}

	}

	/**
	 * One group's settings in place of the queue's.
	 */
	public static class GroupOverride {

		/**
		 * The most waiting tasks of this group (1 to 1000000000, 0 for no maximum).
		 */
		private Integer maxSize;

		/**
		 * How often this group may start tasks, across all instances.
		 */
		private final RateLimit rateLimit = new RateLimit();

		public Integer getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(Integer maxSize) {
			this.maxSize = maxSize;
		}

		public RateLimit getRateLimit() {
			return this.rateLimit;
		}

	}

}
