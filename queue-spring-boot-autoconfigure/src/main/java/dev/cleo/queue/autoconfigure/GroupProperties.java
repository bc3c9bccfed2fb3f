/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cleo.queue.GroupProcessingStrategy;

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
	 * Group priorities (0 to 1000, higher first) for the priority strategy, by group
	 * name.
	 */
	private final Map<String, Integer> priorities = new LinkedHashMap<>();

	/**
	 * Groups whose statistics become meters tagged with the group (at most 100 per
	 * queue). Only these: a tag per group would make the number of time series grow with
	 * the groups. Every group's stats stay readable through QueueManager.groupStats and
	 * the queues endpoint.
	 */
	private final List<String> meteredGroups = new ArrayList<>();

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

}
