/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;

/**
 * The wait between attempts ({@code cleo.defaults.backoff.*},
 * {@code cleo.queues.<name>.backoff.*}); unset values of a queue inherit from the
 * defaults.
 */
public class BackoffProperties {

	/**
	 * Fixed (the same delay every time) or exponential (doubling up to max-delay).
	 */
	private BackoffType type;

	/**
	 * The delay before the first retry (every retry, when fixed).
	 */
	private Duration delay;

	/**
	 * The longest delay of an exponential backoff.
	 */
	private Duration maxDelay;

	/**
	 * The share of randomness of an exponential backoff, from 0.0 to 1.0.
	 */
	private Double jitter;

	static BackoffProperties of(BackoffType type, Duration delay, Duration maxDelay, Double jitter) {
		BackoffProperties backoff = new BackoffProperties();
		backoff.type = type;
		backoff.delay = delay;
		backoff.maxDelay = maxDelay;
		backoff.jitter = jitter;
		return backoff;
	}

	public BackoffType getType() {
		return this.type;
	}

	public void setType(BackoffType type) {
		this.type = type;
	}

	public Duration getDelay() {
		return this.delay;
	}

	public void setDelay(Duration delay) {
		this.delay = delay;
	}

	public Duration getMaxDelay() {
		return this.maxDelay;
	}

	public void setMaxDelay(Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

	public Double getJitter() {
		return this.jitter;
	}

	public void setJitter(Double jitter) {
		this.jitter = jitter;
	}

	/** The kinds of backoff. */
	public enum BackoffType {

		/** The same delay before every retry. */
		FIXED,

		/** A delay that doubles with every attempt, up to the max delay. */
		EXPONENTIAL

	}

}
