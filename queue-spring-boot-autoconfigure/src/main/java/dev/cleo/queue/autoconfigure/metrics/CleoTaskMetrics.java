/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.QueueReadings;
import dev.cleo.queue.event.TaskEvent;

/**
 * Binds Cleo's meters (named and described in {@link CleoMeters}): counters and timers
 * fed by the task events of this instance, gauges of queue depth (from the shared
 * {@link QueueReadings}, never waiting for Redis) and of the attempts running here. Every
 * queue the application knows gets its gauges and zero counters at start, so that
 * dashboards and alerts see zeros before the first task; queues it does not know are
 * never a tag value. One event subscription serves every registry it is bound to;
 * {@link #close()} ends it.
 */
public class CleoTaskMetrics implements MeterBinder, SmartLifecycle, AutoCloseable {

	/** The counters each known queue gets at start, before any task event. */
	private static final List<StartCounter> START_COUNTERS = List.of(new StartCounter(CleoMeters.TASKS_ENQUEUED, null),
			new StartCounter(CleoMeters.TASKS_STARTED, null), new StartCounter(CleoMeters.TASKS_COMPLETED, null),
			new StartCounter(CleoMeters.TASKS_RETRIED, null), new StartCounter(CleoMeters.TASKS_DEAD, null),
			new StartCounter(CleoMeters.TASKS_FAILED, "retried"), new StartCounter(CleoMeters.TASKS_FAILED, "dead"));

	private final QueueManager manager;

	private final QueueReadings readings;

	private final Duration timerRange;

	private final QueueDepths depths;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final Set<String> metered = ConcurrentHashMap.newKeySet();

	/**
	 * The queues whose gauges each registry has: the start, the binding and task events
	 * on worker threads may all come to a queue at once, and a gauge registered twice is
	 * ignored with a warning.
	 */
	private final Map<MeterRegistry, Set<String>> registered = new ConcurrentHashMap<>();

	private @Nullable AutoCloseable subscription;

	private volatile boolean running;

	/**
	 * Create the binder.
	 * @param manager the queue manager whose events and pools are measured
	 * @param readings the counts of the queues the application knows
	 * @param properties the metrics settings
	 * @param timerRange the longest duration the timers' histogram buckets cover
	 */
	public CleoTaskMetrics(QueueManager manager, QueueReadings readings, CleoMetricsProperties properties,
			Duration timerRange) {
		this.manager = manager;
		this.readings = readings;
		this.timerRange = timerRange;
		this.depths = new QueueDepths(readings, properties.getDepthCacheTtl(), properties.getDepthMaxAge());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		synchronized (this) {
			if (this.subscription == null) {
				this.subscription = this.manager.onTaskEvent(this::record);
			}
		}
		Set<String> queues = new TreeSet<>(this.metered);
		queues.addAll(this.readings.queues());
		queues.forEach((queue) -> registerQueue(registry, queue));
		this.metered.addAll(queues);
	}

	/**
	 * Once every bean exists, so that the application's queues are all known whenever the
	 * registries were bound: meters for each, and a first reading of their depths.
	 */
	@Override
	public void start() {
		this.readings.queues().forEach(this::meter);
		this.readings.fresh();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	void record(TaskEvent event) {
		String queue = queueTag(event.queue());
		switch (event.type()) {
			case CREATED -> count(CleoMeters.TASKS_ENQUEUED, queue, event, null);
			case STARTED -> {
				count(CleoMeters.TASKS_STARTED, queue, event, null);
				time(CleoMeters.TASKS_WAIT, queue, event, null);
			}
			case COMPLETED -> {
				count(CleoMeters.TASKS_COMPLETED, queue, event, null);
				time(CleoMeters.TASKS_DURATION, queue, event, "completed");
			}
			case FAILED -> time(CleoMeters.TASKS_DURATION, queue, event, "failed");
			case RETRIED -> {
				count(CleoMeters.TASKS_FAILED, queue, event, "retried");
				count(CleoMeters.TASKS_RETRIED, queue, event, null);
			}
			case DEAD -> {
				count(CleoMeters.TASKS_FAILED, queue, event, "dead");
				count(CleoMeters.TASKS_DEAD, queue, event, null);
			}
			case PROGRESS -> {
			}
		}
	}

	/** The queue's name when the application knows it (metering it from now on). */
	private String queueTag(String queue) {
		if (this.metered.contains(queue)) {
			return queue;
		}
		if (this.readings.knows(queue)) {
			meter(queue);
			return queue;
		}
		return CleoMeters.OTHER_QUEUE;
	}

	private void meter(String queue) {
		if (this.metered.add(queue)) {
			this.registries.forEach((registry) -> registerQueue(registry, queue));
		}
	}

	private void count(String name, String queue, TaskEvent event, @Nullable String outcome) {
		Tags tags = tags(queue, event.taskName(), outcome);
		this.registries.forEach((registry) -> counter(registry, name, tags).increment());
	}

	/**
	 * Record the event's duration; an event without one (an older core) records nothing.
	 */
	private void time(String name, String queue, TaskEvent event, @Nullable String outcome) {
		Duration duration = event.duration();
		if (duration == null) {
			return;
		}
		Tags tags = tags(queue, event.taskName(), outcome);
		this.registries.forEach((registry) -> Timer.builder(name)
			.description(CleoMeters.description(name))
			.tags(tags)
			// Where histograms are on (Spring Boot's percentiles-histogram property, or
			// a MeterFilter), their buckets reach this far unless Boot's
			// maximum-expected-value says otherwise; without histograms it changes
			// nothing.
			.maximumExpectedValue(this.timerRange)
			.register(registry)
			.record(duration));
	}

	private static Tags tags(String queue, String task, @Nullable String outcome) {
		Tags tags = Tags.of(CleoMeters.TAG_QUEUE, queue, CleoMeters.TAG_TASK, task);
		return (outcome != null) ? tags.and(CleoMeters.TAG_OUTCOME, outcome) : tags;
	}

	private static Counter counter(MeterRegistry registry, String name, Tags tags) {
		return Counter.builder(name).description(CleoMeters.description(name)).tags(tags).register(registry);
	}

	private void registerQueue(MeterRegistry registry, String queue) {
		if (!this.registered.computeIfAbsent(registry, (key) -> ConcurrentHashMap.newKeySet()).add(queue)) {
			return;
		}
		for (String state : QueueDepths.STATES) {
			Gauge.builder(CleoMeters.QUEUE_DEPTH, this.depths, (depths) -> depths.depth(queue, state))
				.description(CleoMeters.description(CleoMeters.QUEUE_DEPTH))
				.tags(CleoMeters.TAG_QUEUE, queue, CleoMeters.TAG_STATE, state)
				.register(registry);
		}
		// Read from this instance's pools, which track their attempts by lease: a lost
		// lease leaves no count behind.
		Gauge
			.builder(CleoMeters.WORKERS_ACTIVE, this.manager,
					(manager) -> manager.workerPools().stream().mapToInt((pool) -> pool.runningTasks(queue)).sum())
			.description(CleoMeters.description(CleoMeters.WORKERS_ACTIVE))
			.tags(CleoMeters.TAG_QUEUE, queue)
			.register(registry);
		for (StartCounter counter : START_COUNTERS) {
			counter(registry, counter.name(), tags(queue, CleoMeters.NO_TASK, counter.outcome()));
		}
	}

	@Override
	public synchronized void close() throws Exception {
		if (this.subscription != null) {
			this.subscription.close();
			this.subscription = null;
		}
	}

	private record StartCounter(String name, @Nullable String outcome) {

	}

}
