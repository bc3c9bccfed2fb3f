/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.group.GroupStats;
import dev.cleo.queue.group.QueueGroups;

/**
 * Binds the {@code cleo.group.*} meters (named in {@link CleoMeters}) for the groups
 * named in configuration, and only those, so the {@code group} tag has a bounded set of
 * values. They show the cluster-wide stats Redis keeps per group
 * ({@link QueueGroups#stats(List)}), read in the background and reused for
 * {@code cleo.metrics.depth-cache-ttl}, so a scrape never waits for Redis: counts as
 * function counters and a function timer (monotonic; they start again from zero after the
 * group's stats expire, which Prometheus treats as a counter reset; they keep their last
 * values while Redis is away), waiting and running tasks and the p95 duration as gauges
 * (NaN once Redis has not answered for {@code cleo.metrics.depth-max-age}). Every value
 * is cluster-wide: aggregate across instances with {@code max}.
 */
public class CleoGroupMetrics implements MeterBinder, AutoCloseable {

	private final Map<String, List<String>> groups;

	private final GroupStatsReadings readings;

	/**
	 * Create the binder.
	 * @param manager the queue manager whose groups are measured
	 * @param groups the metered groups by queue
	 * @param properties the metrics settings ({@code depth-cache-ttl} bounds how often
	 * Redis is read, {@code depth-max-age} how long gauges show an old reading)
	 * @param deadline how long one reading may take ({@code cleo.request-timeout})
	 */
	public CleoGroupMetrics(QueueManager manager, Map<String, List<String>> groups, CleoMetricsProperties properties,
			Duration deadline) {
		this.groups = Map.copyOf(groups);
		this.readings = new GroupStatsReadings(manager, this.groups, properties, deadline, System::nanoTime);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.groups.forEach((queue, names) -> names.forEach((group) -> bind(registry, queue, group)));
	}

	private void bind(MeterRegistry registry, String queue, String group) {
		Tags tags = Tags.of(CleoMeters.TAG_QUEUE, queue, CleoMeters.TAG_GROUP, group);
		gauge(registry, tags.and(CleoMeters.TAG_STATE, "waiting"), queue, group, GroupStats::waiting);
		gauge(registry, tags.and(CleoMeters.TAG_STATE, "active"), queue, group, GroupStats::active);
		FunctionCounter
			.builder(CleoMeters.GROUP_TASKS_COMPLETED, this.readings,
					(readings) -> readings.total(queue, group, GroupStats::completed))
			.tags(tags)
			.description(CleoMeters.description(CleoMeters.GROUP_TASKS_COMPLETED))
			.register(registry);
		failed(registry, tags.and(CleoMeters.TAG_OUTCOME, "retried"), queue, group,
				(stats) -> stats.failedAttempts() - stats.dead());
		failed(registry, tags.and(CleoMeters.TAG_OUTCOME, "dead"), queue, group, GroupStats::dead);
		FunctionTimer
			.builder(CleoMeters.GROUP_TASKS_DURATION, this.readings,
					(readings) -> (long) zeroIfNaN(readings.total(queue, group, GroupStats::endedAttempts)),
					(readings) -> zeroIfNaN(readings.total(queue, group,
							(stats) -> stats.averageDurationMillis() * stats.endedAttempts())),
					TimeUnit.MILLISECONDS)
			.tags(tags)
			.description(CleoMeters.description(CleoMeters.GROUP_TASKS_DURATION))
			.register(registry);
		TimeGauge
			.builder(CleoMeters.GROUP_TASKS_DURATION_P95, this.readings, TimeUnit.MILLISECONDS,
					(readings) -> readings.current(queue, group, GroupStats::p95DurationMillis))
			.tags(tags)
			.description(CleoMeters.description(CleoMeters.GROUP_TASKS_DURATION_P95))
			.register(registry);
	}

	private void gauge(MeterRegistry registry, Tags tags, String queue, String group,
			ToDoubleFunction<GroupStats> value) {
		Gauge.builder(CleoMeters.GROUP_TASKS, this.readings, (readings) -> readings.current(queue, group, value))
			.tags(tags)
			.description(CleoMeters.description(CleoMeters.GROUP_TASKS))
			.register(registry);
	}

	private void failed(MeterRegistry registry, Tags tags, String queue, String group,
			ToDoubleFunction<GroupStats> value) {
		FunctionCounter
			.builder(CleoMeters.GROUP_TASKS_FAILED, this.readings, (readings) -> readings.total(queue, group, value))
			.tags(tags)
			.description(CleoMeters.description(CleoMeters.GROUP_TASKS_FAILED))
			.register(registry);
	}

	/**
	 * A function timer's count must be a number; before the first reading, none ended.
	 */
	private static double zeroIfNaN(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

	@Override
	public void close() {
		this.readings.close();
	}

}
