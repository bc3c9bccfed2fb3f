/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.worker.WorkerPool;

/**
 * The {@code cleo} health contributor. DOWN when Redis does not answer within
 * {@code cleo.health.timeout}; {@code cleo.health.status-on-breach} when a queue's
 * dead-letter size or backlog exceeds its threshold; UP otherwise. Details: the counts of
 * every queue, the thresholds breached, and the local worker pools.
 */
public class CleoHealthIndicator implements HealthIndicator {

	private final QueueManager manager;

	private final CleoHealthProperties properties;

	private final Iterable<WorkerPool> localPools;

	/**
	 * Create the indicator.
	 * @param manager the queue manager
	 * @param properties the thresholds and timeout
	 * @param localPools the worker pools of this instance
	 */
	public CleoHealthIndicator(QueueManager manager, CleoHealthProperties properties, Iterable<WorkerPool> localPools) {
		this.manager = manager;
		this.properties = properties;
		this.localPools = localPools;
	}

	@Override
	public Health health() {
		Map<String, QueueCounts> counts;
		try {
			counts = CompletableFuture.supplyAsync(this::readCounts, CleoHealthIndicator::runOnDaemon)
				.get(this.properties.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down()
				.withDetail("error", "Redis did not answer within " + this.properties.getTimeout())
				.build();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			return Health.down().withDetail("error", cause.getClass().getName() + ": " + cause.getMessage()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
		List<String> breaches = breaches(counts);
		Health.Builder builder = breaches.isEmpty() ? Health.up()
				: Health.status(new Status(this.properties.getStatusOnBreach()));
		builder.withDetail("queues", counts).withDetail("workerPools", pools());
		return breaches.isEmpty() ? builder.build() : builder.withDetail("breaches", breaches).build();
	}

	private Map<String, QueueCounts> readCounts() {
		TreeSet<String> names = new TreeSet<>(this.manager.queues());
		names.addAll(this.properties.getQueues().keySet());
		Map<String, QueueCounts> counts = new LinkedHashMap<>();
		names.forEach((name) -> counts.put(name, this.manager.counts(name)));
		return counts;
	}

	private List<String> breaches(Map<String, QueueCounts> counts) {
		List<String> breaches = new ArrayList<>();
		counts.forEach((queue, count) -> {
			CleoHealthProperties.Thresholds own = this.properties.getQueues().get(queue);
			check(breaches, queue, "dead letters", count.dead(), (own != null && own.getDeadLetterThreshold() != null)
					? own.getDeadLetterThreshold() : this.properties.getDeadLetterThreshold());
			check(breaches, queue, "waiting tasks", count.waiting(), (own != null && own.getBacklogThreshold() != null)
					? own.getBacklogThreshold() : this.properties.getBacklogThreshold());
		});
		return breaches;
	}

	private static void check(List<String> breaches, String queue, String what, long value, @Nullable Long threshold) {
		if (threshold != null && value > threshold) {
			breaches.add("Queue '" + queue + "' has " + value + " " + what + ", above the threshold of " + threshold);
		}
	}

	private List<Map<String, Object>> pools() {
		List<Map<String, Object>> pools = new ArrayList<>();
		for (WorkerPool pool : this.localPools) {
			pools.add(Map.of("name", pool.options().name(), "running", pool.isRunning(), "runningTasks",
					pool.runningTasks(), "concurrency", pool.options().concurrency()));
		}
		return pools;
	}

	/** A fresh daemon thread, so a Redis call stuck past the timeout holds no pool. */
	private static void runOnDaemon(Runnable command) {
		Thread thread = new Thread(command, "cleo-health");
		thread.setDaemon(true);
		thread.start();
	}

}
