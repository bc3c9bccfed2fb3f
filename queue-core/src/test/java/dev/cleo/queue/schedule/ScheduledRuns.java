/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerBuilder;
import dev.cleo.queue.QueueManagers;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.worker.WorkerPoolOptions;

/**
 * What scheduled handlers recorded, shared by the managers of a test: each run's task id,
 * the tick it stands for ({@link TaskInfo#runAt()}) and when it was fired (its
 * {@code createdAt}, by Redis's clock).
 */
final class ScheduledRuns {

	private final List<Run> runs = new CopyOnWriteArrayList<>();

	/** A handler for {@code manager} that records each run it starts. */
	TaskHandler recorder(QueueManager manager) {
		return (task) -> {
			TaskInfo info = manager.task(task.queue(), task.id()).orElseThrow();
			this.runs.add(new Run(task.id(), info.runAt().toEpochMilli(), info.createdAt().toEpochMilli()));
			return null;
		};
	}

	/**
	 * Starts an instance: a manager whose {@code tick} handler records here, with a pool
	 * of four serving the queue.
	 */
	QueueManager startInstance(QueueManagers managers, String queue, Consumer<QueueManagerBuilder> settings) {
		QueueManager manager = managers.build(settings);
		manager.register("tick", recorder(manager));
		manager.startWorkers(WorkerPoolOptions.builder().queue(queue).concurrency(4).build());
		return manager;
	}

	List<Run> all() {
		return List.copyOf(this.runs);
	}

	int size() {
		return this.runs.size();
	}

	/** The distinct task ids recorded for each tick. */
	Map<Long, TreeSet<String>> idsByTick() {
		return this.runs.stream()
			.collect(Collectors.groupingBy(Run::tick, TreeMap::new,
					Collectors.mapping(Run::id, Collectors.toCollection(TreeSet::new))));
	}

	/** The ticks recorded after a time, in order, one entry per distinct tick. */
	List<Long> ticksAfter(long millis) {
		return idsByTick().keySet().stream().filter((tick) -> tick > millis).toList();
	}

	record Run(String id, long tick, long firedAt) {

	}

}
