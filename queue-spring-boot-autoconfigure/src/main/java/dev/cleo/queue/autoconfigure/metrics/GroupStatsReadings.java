/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.GroupStats;
import dev.cleo.queue.QueueManager;

/**
 * The metered groups' stats read from Redis and reused for a while, so that a scrape
 * costs at most one round trip per queue per {@code ttl}, however many meters and
 * registries read them. Internal.
 */
final class GroupStatsReadings {

	private static final Logger logger = LoggerFactory.getLogger(GroupStatsReadings.class);

	private final QueueManager manager;

	private final Map<String, List<String>> groups;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	private final Map<String, GroupStats> readings = new ConcurrentHashMap<>();

	private long readAt;

	private boolean read;

	GroupStatsReadings(QueueManager manager, Map<String, List<String>> groups, Duration ttl, LongSupplier nanoTime) {
		this.manager = manager;
		this.groups = groups;
		this.ttlNanos = ttl.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * A value of a group's stats, from a reading at most {@code ttl} old.
	 * @param queue the queue
	 * @param group the group
	 * @param value what to take from the stats
	 * @return the value, or NaN when Redis has not been read yet
	 */
	double value(String queue, String group, ToDoubleFunction<GroupStats> value) {
		refreshIfStale();
		GroupStats stats = this.readings.get(queue + '\0' + group);
		return (stats != null) ? value.applyAsDouble(stats) : Double.NaN;
	}

	private synchronized void refreshIfStale() {
		long now = this.nanoTime.getAsLong();
		if (this.read && now - this.readAt < this.ttlNanos) {
			return;
		}
		this.readAt = now;
		this.read = true;
		this.groups.forEach(this::refresh);
	}

	/**
	 * Read one queue's groups; a failure keeps the previous reading, so that the counters
	 * do not drop to nothing and jump back.
	 */
	private void refresh(String queue, List<String> names) {
		try {
			this.manager.groupStats(queue, names)
				.forEach((stats) -> this.readings.put(queue + '\0' + stats.group(), stats));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the stats of the metered groups of queue '{}'", queue, ex);
		}
	}

}
