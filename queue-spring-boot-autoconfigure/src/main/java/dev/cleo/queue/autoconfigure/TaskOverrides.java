/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;

/**
 * The task options one level of configuration may set: a queue's
 * ({@code cleo.queues.<name>.*}) or one task's ({@code cleo.tasks.<task-id>.*}). Each
 * unset value inherits from the level below.
 */
public class TaskOverrides {

	/**
	 * Priority: high, normal, low, or a number from 0 to 1000.
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
	 * The wait between attempts; unset values are inherited.
	 */
	private final BackoffProperties backoff = new BackoffProperties();

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

	public BackoffProperties getBackoff() {
		return this.backoff;
	}

}
