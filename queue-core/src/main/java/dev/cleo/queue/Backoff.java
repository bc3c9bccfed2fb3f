/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a failed task waits before its next attempt: a fixed delay, or an exponential
 * one ({@code base × 2^(attempt-1)}, capped) with optional jitter that spreads retries of
 * tasks that failed together. Stored with the task, so a retry follows the backoff the
 * task was enqueued with.
 */
public final class Backoff {

	private static final long MAX_MILLIS = Duration.ofDays(30).toMillis();

	private final boolean exponential;

	private final long baseMillis;

	private final long capMillis;

	private final double jitter;

	private Backoff(boolean exponential, long baseMillis, long capMillis, double jitter) {
		this.exponential = exponential;
		this.baseMillis = baseMillis;
		this.capMillis = capMillis;
		this.jitter = jitter;
	}

	/**
	 * The same delay before every retry.
	 * @param delay the delay, from zero to 30 days
	 * @return the backoff
	 */
	public static Backoff fixed(Duration delay) {
		long millis = checkMillis("backoff delay", delay);
		return new Backoff(false, millis, millis, 0);
	}

	/**
	 * A delay that doubles with every attempt, up to a cap, with no jitter.
	 * @param base the delay before the first retry, from zero to 30 days
	 * @param cap the longest delay, at least {@code base}
	 * @return the backoff
	 */
	public static Backoff exponential(Duration base, Duration cap) {
		return exponential(base, cap, 0);
	}

	/**
	 * A delay that doubles with every attempt, up to a cap, shortened by a random share
	 * of up to {@code jitter} of itself.
	 * @param base the delay before the first retry, from zero to 30 days
	 * @param cap the longest delay, at least {@code base}
	 * @param jitter the share of randomness, from 0.0 to 1.0
	 * @return the backoff
	 */
	public static Backoff exponential(Duration base, Duration cap, double jitter) {
		long baseMillis = checkMillis("backoff base", base);
		long capMillis = checkMillis("backoff cap", cap);
		if (capMillis < baseMillis) {
			throw new InvalidTaskOptionException(
					"backoff cap must be at least the base delay (" + base + "), was " + cap);
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new InvalidTaskOptionException("backoff jitter must be between 0.0 and 1.0, was " + jitter);
		}
		return new Backoff(true, baseMillis, capMillis, jitter);
	}

	/**
	 * The delay before the retry that follows the given failed attempt.
	 * @param attempt the attempt that failed, from 1
	 * @param random the source of jitter
	 * @return the delay
	 */
	public Duration delayAfter(int attempt, RandomGenerator random) {
		if (!this.exponential) {
			return Duration.ofMillis(this.baseMillis);
		}
		int doublings = Math.min(Math.max(attempt - 1, 0), 40);
		long delay = (this.baseMillis > (this.capMillis >> doublings)) ? this.capMillis
				: Math.min(this.capMillis, this.baseMillis << doublings);
		long shortening = (this.jitter > 0) ? (long) (delay * this.jitter * random.nextDouble()) : 0;
		return Duration.ofMillis(delay - shortening);
	}

	/**
	 * The form stored with a task: {@code fixed:<ms>} or
	 * {@code exp:<base ms>:<cap ms>:<jitter>}.
	 * @return the encoded backoff
	 */
	public String encode() {
		return this.exponential ? "exp:" + this.baseMillis + ":" + this.capMillis + ":" + this.jitter
				: "fixed:" + this.baseMillis;
	}

	/**
	 * Read the stored form.
	 * @param encoded the value from {@link #encode()}
	 * @return the backoff
	 */
	public static Backoff decode(String encoded) {
		String[] parts = encoded.split(":");
		if (parts[0].equals("fixed")) {
			return fixed(Duration.ofMillis(Long.parseLong(parts[1])));
		}
		return exponential(Duration.ofMillis(Long.parseLong(parts[1])), Duration.ofMillis(Long.parseLong(parts[2])),
				Double.parseDouble(parts[3]));
	}

	private static long checkMillis(String option, Duration value) {
		if (value == null || value.isNegative() || value.toMillis() > MAX_MILLIS) {
			throw new InvalidTaskOptionException(option + " must be between 0 and 30 days, was " + value);
		}
		return value.toMillis();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Backoff that) && encode().equals(that.encode());
	}

	@Override
	public int hashCode() {
		return encode().hashCode();
	}

	@Override
	public String toString() {
		return encode();
	}

}
