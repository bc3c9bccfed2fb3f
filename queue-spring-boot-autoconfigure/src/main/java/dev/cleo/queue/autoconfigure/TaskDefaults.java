/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;

import dev.cleo.queue.autoconfigure.BackoffProperties.BackoffType;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Task options of every queue ({@code cleo.defaults.*}); {@code cleo.queues.<name>.*} and
 * the annotations override them.
 */
public class TaskDefaults {

	/**
	 * Priority: high, normal, low, or a number from 0 to 1000 (higher runs first).
	 */
	private String priority = "normal";

	/**
	 * How many times a failed task is tried again before it is dead.
	 */
	private int retries = 2;

	/**
	 * The longest one attempt may run; 0 means no limit.
	 */
	private Duration timeout = Duration.ZERO;

	/**
	 * How long a task may wait to start before it expires; unset means forever.
	 */
	private Duration ttl;

	/**
	 * The wait between attempts: exponential from 1s up to 5m with 0.2 jitter unless set.
	 */
	@NestedConfigurationProperty
	private final BackoffProperties backoff = BackoffProperties.of(BackoffType.EXPONENTIAL, Duration.ofSeconds(1),
			Duration.ofMinutes(5), 0.2);

	/**
	 * Whether a task method called inside a transaction is enqueued only when the
	 * transaction commits (and not at all on rollback), so that the worker sees what the
	 * caller wrote. A task's @Task(enqueueAfterCommit) overrides it.
	 */
	private boolean enqueueAfterCommit = true;

	public String getPriority() {
		return this.priority;
	}

	public void setPriority(String priority) {
		this.priority = priority;
	}

	public int getRetries() {
		return this.retries;
	}

	public void setRetries(int retries) {
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

	public boolean isEnqueueAfterCommit() {
		return this.enqueueAfterCommit;
	}

	public void setEnqueueAfterCommit(boolean enqueueAfterCommit) {
		this.enqueueAfterCommit = enqueueAfterCommit;
	}

}
