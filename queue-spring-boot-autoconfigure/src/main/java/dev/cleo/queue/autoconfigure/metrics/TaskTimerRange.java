/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.autoconfigure.CleoProperties;
import dev.cleo.queue.autoconfigure.QueueOverrides;

/**
 * How far the histograms of the duration and wait timers reach (Micrometer's maximum
 * expected value), where histograms are on (they are off unless Spring Boot's
 * {@code management.metrics.distribution.percentiles-histogram.*} or a meter filter turns
 * them on). Micrometer's default stops at 30 s, so a 40 s task showed as a p95 of 30 s.
 * The range is twice the longest configured timeout, so that an attempt stopped at its
 * timeout (a little past it) still lands in a finite bucket, and at least
 * {@link #UNLIMITED} while any queue may run without a timeout. One range for every
 * queue: series of one histogram with different buckets do not aggregate. Spring Boot's
 * {@code management.metrics.distribution.maximum-expected-value.*} overrides it by meter
 * name. Internal.
 */
final class TaskTimerRange {

	/** The range while some queue has no timeout, and without Cleo's properties. */
	static final Duration UNLIMITED = Duration.ofHours(1);

	private TaskTimerRange() {
	}

	/**
	 * The longest duration the task timers' buckets cover.
	 * @param properties Cleo's properties, or {@code null} when they are not bound
	 * @return the maximum expected value of the timers
	 */
	static Duration of(@Nullable CleoProperties properties) {
		if (properties == null) {
			return UNLIMITED;
		}
		// Queues that set no timeout of their own, such as those only annotations name,
		// take cleo.defaults.timeout.
		List<Duration> timeouts = new ArrayList<>(List.of(properties.getDefaults().getTimeout()));
		for (QueueOverrides queue : properties.getQueues().values()) {
			if (queue.getTimeout() != null) {
				timeouts.add(queue.getTimeout());
			}
		}
		Duration longest = timeouts.stream().max(Duration::compareTo).orElse(Duration.ZERO).multipliedBy(2);
		boolean someUnlimited = timeouts.stream().anyMatch(Duration::isZero);
		return (someUnlimited && longest.compareTo(UNLIMITED) < 0) ? UNLIMITED : longest;
	}

}
