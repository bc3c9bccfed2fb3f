/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;

/**
 * One queue's settings ({@code cleo.queues.<name>.*}): each unset value inherits from
 * {@code cleo.defaults} or {@code cleo.worker}.
 */
public class QueueOverrides {

	/**
	 * How many of this queue's tasks run at once on this instance.
	 */
	private Integer concurrency;

	/**
	 * This queue's share when a pool serving several queues picks by weight (1 to 1000).
	 */
	private int weight = 1;

	/**
	 * Priority of this queue's tasks: high, normal, low, or a number from 0 to 1000.
	 */
	private String priority;

	/**
	 * How many times a failed task is tried again.
	 */
	private Integer retries;

	/**
	 * The longest one attempt may run; 0 means no limit.
	 */
	private Duration timeout;

	/**
	 * How long a task may wait to start before it expires.
	 */
	private Duration ttl;

	/**
	 * The wait between this queue's attempts; unset values come from
	 * cleo.defaults.backoff.
	 */
	private final BackoffProperties backoff = new BackoffProperties();

	/**
	 * How this queue's task groups are scheduled, written to Redis at start-up.
	 */
	private final GroupProperties groups = new GroupProperties();

	public Integer getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(Integer concurrency) {
		this.concurrency = concurrency;
	}

	public int getWeight() {
		return this.weight;
	}

	public void setWeight(int weight) {
		this.weight = weight;
	}

	public String getPriority() {
		return this.priority;
	}

	public void setPriority(String priority) {
		this.priority = priority;
	}

	public Integer getRetries() {
		return this.retries;
	}

	public void setRetries(Integer retries) {
		this.retries = retries;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public GroupProperties getGroups() {
		return this.groups;
	}

	public BackoffProperties getBackoff() {
		return this.backoff;
	}

}
