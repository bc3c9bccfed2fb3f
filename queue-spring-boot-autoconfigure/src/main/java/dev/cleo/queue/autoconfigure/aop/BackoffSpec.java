/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.Duration;

import dev.cleo.queue.Backoff;

/**
 * A backoff some of whose parts may be unset, so that one level (a queue, an annotation)
 * can change only the delay, say, and inherit the rest. Internal.
 *
 * @param exponential exponential rather than fixed, or {@code null} to inherit
 * @param delay the first (or every) delay, or {@code null}
 * @param maxDelay the cap of an exponential backoff, or {@code null}
 * @param jitter the jitter of an exponential backoff, or {@code null}
 */
public record BackoffSpec(Boolean exponential, Duration delay, Duration maxDelay, Double jitter) {

	/**
	 * The parts of a complete backoff, read from its documented stored form.
	 * @param backoff the backoff
	 * @return its parts
	 */
	public static BackoffSpec of(Backoff backoff) {
		String[] parts = backoff.encode().split(":");
		Duration delay = Duration.ofMillis(Long.parseLong(parts[1]));
		if (parts[0].equals("fixed")) {
			return new BackoffSpec(false, delay, delay, 0.0);
		}
		return new BackoffSpec(true, delay, Duration.ofMillis(Long.parseLong(parts[2])), Double.parseDouble(parts[3]));
	}

	/**
	 * These parts, each replaced by the override's when it sets one.
	 * @param override the parts that win
	 * @return the merged parts
	 */
	public BackoffSpec overriddenBy(BackoffSpec override) {
		return new BackoffSpec(pick(override.exponential, this.exponential), pick(override.delay, this.delay),
				pick(override.maxDelay, this.maxDelay), pick(override.jitter, this.jitter));
	}

	/**
	 * The backoff these (complete) parts describe. An exponential backoff's cap is raised
	 * to its delay when an override set only a longer delay.
	 * @return the backoff
	 */
	public Backoff toBackoff() {
		if (!Boolean.TRUE.equals(this.exponential)) {
			return Backoff.fixed(this.delay);
		}
		Duration cap = (this.maxDelay.compareTo(this.delay) < 0) ? this.delay : this.maxDelay;
		return Backoff.exponential(this.delay, cap, this.jitter);
	}

	private static <T> T pick(T override, T inherited) {
		return (override != null) ? override : inherited;
	}

}
