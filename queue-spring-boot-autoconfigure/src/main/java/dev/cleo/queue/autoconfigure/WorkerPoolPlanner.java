/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.cleo.queue.autoconfigure.CleoProperties.Pool;
import dev.cleo.queue.autoconfigure.CleoProperties.Worker;
import dev.cleo.queue.worker.WorkerPoolOptions;

/**
 * Decides the worker pools of this instance: one per {@code cleo.worker.pools.<name>}
 * (serving its queues in order, weighted by each queue's
 * {@code cleo.queues.<name>.weight} when its selection is weighted), and one per other
 * queue the application's handlers serve or {@code cleo.queues} names. Internal.
 */
final class WorkerPoolPlanner implements WorkerPoolPlan {

	private final CleoSettings settings;

	private final Supplier<? extends Collection<String>> usedQueues;

	/**
	 * A planner.
	 * @param settings the merged properties
	 * @param usedQueues the queues of the application's task methods and handler beans,
	 * asked when the pools are
	 */
	WorkerPoolPlanner(CleoSettings settings, Supplier<? extends Collection<String>> usedQueues) {
		this.settings = settings;
		this.usedQueues = usedQueues;
	}

	@Override
	public List<WorkerPoolOptions> pools() {
		return plan(this.usedQueues.get());
	}

	/**
	 * The pools to run.
	 * @param usedQueues the queues of the application's task methods and handler beans
	 * @return the options of each pool
	 */
	List<WorkerPoolOptions> plan(Collection<String> usedQueues) {
		CleoProperties properties = this.settings.properties();
		Set<String> single = new LinkedHashSet<>(usedQueues);
		single.addAll(properties.getQueues().keySet());
		List<WorkerPoolOptions> pools = new ArrayList<>();
		for (Map.Entry<String, Pool> entry : properties.getWorker().getPools().entrySet()) {
			Pool pool = entry.getValue();
			WorkerPoolOptions.Builder builder = common(entry.getKey()).selection(pool.getSelection())
				.concurrency(orElse(pool.getConcurrency(), properties.getWorker().getConcurrency()));
			pool.getQueues().forEach((queue) -> builder.queue(queue, weight(queue)));
			single.removeAll(pool.getQueues());
			pools.add(builder.build());
		}
		for (String queue : single) {
			QueueOverrides overrides = properties.getQueues().get(queue);
			Integer concurrency = (overrides != null) ? overrides.getConcurrency() : null;
			pools.add(common(queue).queue(queue)
				.concurrency(orElse(concurrency, properties.getWorker().getConcurrency()))
				.build());
		}
		return pools;
	}

	private WorkerPoolOptions.Builder common(String name) {
		Worker worker = this.settings.properties().getWorker();
		WorkerPoolOptions.Builder builder = WorkerPoolOptions.builder()
			.name(name)
			.threads(this.settings.threads())
			.lease(worker.getLease())
			.shutdownTimeout(this.settings.shutdownTimeout())
			.unknownTaskGrace(worker.getUnknownTaskGrace());
		return (worker.getHeartbeat() != null) ? builder.heartbeat(worker.getHeartbeat()) : builder;
	}

	private int weight(String queue) {
		QueueOverrides overrides = this.settings.properties().getQueues().get(queue);
		return (overrides != null) ? overrides.getWeight() : 1;
	}

	private static int orElse(Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

}
