/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.SingleFlightReading;
import dev.cleo.queue.group.GroupStats;

/**
 * The metered groups' stats read from Redis and reused for a while, so that a scrape
 * costs at most one reading per {@code refreshAfter}, however many meters and registries
 * ask. A meter never waits for Redis: the reading runs on a thread of its own, one at a
 * time, and a meter shows the last one. Internal.
 */
final class GroupStatsReadings implements AutoCloseable {

	/**
	 * Counters keep their last values while Redis is away: dropping them would look like
	 * a reset.
	 */
	private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

	private final QueueManager manager;

	private final Map<String, List<String>> groups;

	private final Duration refreshAfter;

	private final Duration maxAge;

	private final SingleFlightReading<Map<String, GroupStats>> reading;

	GroupStatsReadings(QueueManager manager, Map<String, List<String>> groups, CleoMetricsProperties properties,
			Duration deadline, LongSupplier nanoTime) {
		this.manager = manager;
		this.groups = groups;
		this.refreshAfter = properties.getDepthCacheTtl();
		this.maxAge = properties.getDepthMaxAge();
		// The core reads group stats one queue at a time and blocking: that runs on the
		// reading's own thread, never on a scrape's.
		this.reading = new SingleFlightReading<>("the stats of the metered groups",
				() -> CompletableFuture.completedFuture(readAll()), deadline, nanoTime);
	}

	/**
	 * A value of a group's stats that only grows (a count), from the last reading however
	 * old.
	 * @param queue the queue
	 * @param group the group
	 * @param value what to take from the stats
	 * @return the value, or NaN before the first reading
	 */
	double total(String queue, String group, ToDoubleFunction<GroupStats> value) {
		return value(queue, group, value, FOREVER);
	}

	/**
	 * A value of a group's stats that goes up and down, from a reading at most
	 * {@code cleo.metrics.depth-max-age} old.
	 * @param queue the queue
	 * @param group the group
	 * @param value what to take from the stats
	 * @return the value, or NaN without a recent reading
	 */
	double current(String queue, String group, ToDoubleFunction<GroupStats> value) {
		return value(queue, group, value, this.maxAge);
	}

	private double value(String queue, String group, ToDoubleFunction<GroupStats> value, Duration maxAge) {
		GroupStats stats = this.reading.recent(this.refreshAfter, maxAge)
			.map((readings) -> readings.get(queue + '\0' + group))
			.orElse(null);
		return (stats != null) ? value.applyAsDouble(stats) : Double.NaN;
	}

	private Map<String, GroupStats> readAll() {
		Map<String, GroupStats> stats = new HashMap<>();
		this.groups.forEach((queue, names) -> this.manager.groups(queue)
			.stats(names)
			.forEach((group) -> stats.put(queue + '\0' + group.group(), group)));
		return stats;
	}

	@Override
	public void close() {
		this.reading.close();
	}

}
