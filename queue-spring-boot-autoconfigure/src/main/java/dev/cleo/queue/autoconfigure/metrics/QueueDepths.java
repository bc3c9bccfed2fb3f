/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.autoconfigure.QueueReadings;

/**
 * The depth gauges' view of the shared {@link QueueReadings}: a gauge never waits for
 * Redis. It shows the last reading, sets off a new one in the background once the last is
 * {@code refreshAfter} old, and shows NaN before the first reading and once Redis has not
 * answered for {@code maxAge}. Internal.
 */
final class QueueDepths {

	/** The states a depth gauge is registered for. */
	static final List<String> STATES = List.of("waiting", "delayed", "active", "dead");

	private final QueueReadings readings;

	private final Duration refreshAfter;

	private final Duration maxAge;

	QueueDepths(QueueReadings readings, Duration refreshAfter, Duration maxAge) {
		this.readings = readings;
		this.refreshAfter = refreshAfter;
		this.maxAge = maxAge;
	}

	/**
	 * The depth of a queue in a state, from the last reading.
	 * @param queue the queue
	 * @param state waiting, delayed, active or dead
	 * @return the number of tasks, or NaN when no recent reading has it
	 */
	double depth(String queue, String state) {
		QueueCounts count = this.readings.recent(this.refreshAfter, this.maxAge)
			.map((counts) -> counts.get(queue))
			.orElse(null);
		if (count == null) {
			return Double.NaN;
		}
		return switch (state) {
			case "waiting" -> count.waiting();
			case "delayed" -> count.delayed();
			case "active" -> count.active();
			case "dead" -> count.dead();
			default -> Double.NaN;
		};
	}

}
