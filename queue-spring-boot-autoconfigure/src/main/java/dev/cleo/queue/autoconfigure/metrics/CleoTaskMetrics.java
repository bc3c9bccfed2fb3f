/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.event.TaskEvent;

/**
 * Binds Cleo's meters (named in {@link CleoMeters}): counters and timers fed by the task
 * events of this instance, and gauges of queue depth (read from Redis through a short
 * cache) and of the attempts running here (read from this instance's pools). One event
 * subscription serves every registry it is bound to; {@link #close()} ends it.
 */
public class CleoTaskMetrics implements MeterBinder, AutoCloseable {

	private static final List<String> DEPTH_STATES = List.of("waiting", "delayed", "active", "dead");

	private final QueueManager manager;

	private final CleoMetricsProperties properties;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final QueueDepths depths;

	private AutoCloseable subscription;

	/**
	 * Create the binder.
	 * @param manager the queue manager whose events and queues are measured
	 * @param properties the metrics settings
	 */
	public CleoTaskMetrics(QueueManager manager, CleoMetricsProperties properties) {
		this.manager = manager;
		this.properties = properties;
		this.depths = new QueueDepths(manager, properties.getDepthCacheTtl(), System::nanoTime, this::registerGauges);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		synchronized (this) {
			if (this.subscription == null) {
				this.subscription = this.manager.onTaskEvent(this::record);
			}
		}
		this.depths.current().keySet().forEach((queue) -> registerGauges(registry, queue));
	}

	void record(TaskEvent event) {
		this.depths.see(event.queue());
		switch (event.type()) {
			case CREATED -> count(CleoMeters.TASKS_ENQUEUED, event, null);
			case STARTED -> {
				count(CleoMeters.TASKS_STARTED, event, null);
				time(CleoMeters.TASKS_WAIT, event, null);
			}
			case COMPLETED -> {
				count(CleoMeters.TASKS_COMPLETED, event, null);
				time(CleoMeters.TASKS_DURATION, event, "completed");
			}
			case FAILED -> {
				time(CleoMeters.TASKS_DURATION, event, "failed");
			}
			case RETRIED -> {
				count(CleoMeters.TASKS_FAILED, event, "retried");
				count(CleoMeters.TASKS_RETRIED, event, null);
			}
			case DEAD -> {
				count(CleoMeters.TASKS_FAILED, event, "dead");
				count(CleoMeters.TASKS_DEAD, event, null);
			}
			case PROGRESS -> {
			}
		}
	}

	private void count(String name, TaskEvent event, String outcome) {
		Tags tags = tags(event, outcome);
		this.registries.forEach((registry) -> Counter.builder(name).tags(tags).register(registry).increment());
	}

	/**
	 * Record the event's duration; an event without one (an older core) records nothing.
	 */
	private void time(String name, TaskEvent event, String outcome) {
		Duration duration = event.duration();
		if (duration == null) {
			return;
		}
		Tags tags = tags(event, outcome);
		this.registries.forEach((registry) -> Timer.builder(name)
			.tags(tags)
			.publishPercentileHistogram(this.properties.isPercentileHistogram())
			.register(registry)
			.record(duration));
	}

	private static Tags tags(TaskEvent event, String outcome) {
		Tags tags = Tags.of(CleoMeters.TAG_QUEUE, event.queue(), CleoMeters.TAG_TASK, event.taskName());
		return (outcome != null) ? tags.and(CleoMeters.TAG_OUTCOME, outcome) : tags;
	}

	private void registerGauges(String queue) {
		this.registries.forEach((registry) -> registerGauges(registry, queue));
	}

	private void registerGauges(MeterRegistry registry, String queue) {
		for (String state : DEPTH_STATES) {
			Gauge.builder(CleoMeters.QUEUE_DEPTH, this.depths, (depths) -> depths.depth(queue, state))
				.tags(CleoMeters.TAG_QUEUE, queue, CleoMeters.TAG_STATE, state)
				.description("Tasks of the queue in Redis, by state")
				.register(registry);
		}
		// Read from this instance's pools, which track their attempts by lease: a lost
		// lease
		// leaves no count behind.
		Gauge
			.builder(CleoMeters.WORKERS_ACTIVE, this.manager,
					(manager) -> manager.workerPools().stream().mapToInt((pool) -> pool.runningTasks(queue)).sum())
			.tags(CleoMeters.TAG_QUEUE, queue)
			.description("Attempts running on this instance")
			.register(registry);
	}

	@Override
	public synchronized void close() throws Exception {
		if (this.subscription != null) {
			this.subscription.close();
			this.subscription = null;
		}
	}

}
