/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.QueueReadings;
import dev.cleo.queue.worker.WorkerPool;

/**
 * The {@code cleo} health contributor. DOWN when Redis does not answer within
 * {@code cleo.health.timeout}; {@code cleo.health.status-on-breach} when a queue's
 * dead-letter size or backlog exceeds its threshold; UP otherwise. Details: the counts of
 * the application's queues (and of those with thresholds), the thresholds breached, and
 * the local worker pools, and the queues that have waiting or delayed tasks but no worker
 * pool on any instance ({@code unservedQueues}). The counts come from the shared
 * {@link QueueReadings}: a check joins the reading in flight instead of starting its own,
 * and waits for it on the caller's thread no longer than the timeout, so checks during an
 * outage neither pile up reads nor start threads.
 * <p>
 * An unserved queue leaves the status as it is: every instance on the Redis would report
 * it alike, so a status other than UP would take healthy producers out of service for a
 * pool missing elsewhere, which no restart of theirs mends. The detail tells the
 * operator; a backlog threshold turns the waiting tasks into a status where one is
 * wanted.
 */
public class CleoHealthIndicator implements HealthIndicator {

	private final QueueReadings readings;

	private final CleoHealthProperties properties;

	private final Iterable<WorkerPool> localPools;

	private final Function<Collection<String>, CompletableFuture<Set<String>>> served;

	/**
	 * Create an indicator that does not look for unserved queues.
	 * @param readings the shared queue counts; the queues named under
	 * {@code cleo.health.queues} are added to what it reads
	 * @param properties the thresholds and timeout
	 * @param localPools the worker pools of this instance
	 */
	public CleoHealthIndicator(QueueReadings readings, CleoHealthProperties properties,
			Iterable<WorkerPool> localPools) {
		this(readings, properties, localPools, (queues) -> CompletableFuture.completedFuture(Set.copyOf(queues)));
	}

	/**
	 * Create the indicator.
	 * @param readings the shared queue counts; the queues named under
	 * {@code cleo.health.queues} are added to what it reads
	 * @param properties the thresholds and timeout
	 * @param localPools the worker pools of this instance
	 * @param served which of some queues a worker pool serves on any instance
	 * ({@code QueueManager::servedAsync}), asked only for queues with tasks that no local
	 * pool serves
	 */
	public CleoHealthIndicator(QueueReadings readings, CleoHealthProperties properties, Iterable<WorkerPool> localPools,
			Function<Collection<String>, CompletableFuture<Set<String>>> served) {
		this.readings = readings;
		this.properties = properties;
		this.localPools = localPools;
		this.served = served;
		// A name Redis keys cannot carry would fail every read, the meters' too.
		properties.getQueues().keySet().forEach(CleoHealthIndicator::checkQueueName);
		readings.watch(properties.getQueues().keySet());
	}

	private static void checkQueueName(String queue) {
		try {
			TaskOptions.defaults().queue(queue);
		}
		catch (InvalidTaskOptionException ex) {
			throw new InvalidTaskOptionException("Invalid cleo.health.queues." + queue + ": " + ex.getMessage());
		}
	}

	@Override
	public Health health() {
		long start = System.nanoTime();
		Map<String, QueueCounts> counts;
		try {
			counts = this.readings.fresh().get(this.properties.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return down(this.properties.getTimeout());
		}
		catch (ExecutionException ex) {
			// Fixed texts: the cause (the readings log it) may carry addresses and class
			// names, and /actuator/health may answer anyone.
			return (ex.getCause() instanceof TimeoutException) ? down(this.readings.deadline())
					: Health.down().withDetail("error", "Could not read the queues from Redis").build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
		List<String> breaches = breaches(counts);
		Health.Builder builder = breaches.isEmpty() ? Health.up()
				: Health.status(new Status(this.properties.getStatusOnBreach()));
		builder.withDetail("queues", counts).withDetail("workerPools", pools());
		List<String> unserved = unserved(counts, start);
		if (!unserved.isEmpty()) {
			builder.withDetail("unservedQueues", unserved);
		}
		return breaches.isEmpty() ? builder.build() : builder.withDetail("breaches", breaches).build();
	}

	private static Health down(Duration waited) {
		return Health.down()
			.withDetail("error", "Redis did not answer within " + DurationStyle.SIMPLE.print(waited))
			.build();
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

	/**
	 * The queues with tasks to run that no pool serves, sorted; none when that cannot be
	 * told within what is left of the timeout.
	 */
	private List<String> unserved(Map<String, QueueCounts> counts, long start) {
		List<String> candidates = new ArrayList<>();
		counts.forEach((queue, count) -> {
			if ((count.waiting() > 0 || count.delayed() > 0) && !servedHere(queue)) {
				candidates.add(queue);
			}
		});
		if (candidates.isEmpty()) {
			return List.of();
		}
		long left = this.properties.getTimeout().toNanos() - (System.nanoTime() - start);
		try {
			Set<String> served = this.served.apply(candidates).get(Math.max(left, 0), TimeUnit.NANOSECONDS);
			return candidates.stream().filter((queue) -> !served.contains(queue)).sorted().toList();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return List.of();
		}
	}

	private boolean servedHere(String queue) {
		for (WorkerPool pool : this.localPools) {
			if (pool.isRunning() && pool.options().queues().containsKey(queue)) {
				return true;
			}
		}
		return false;
	}

	private List<Map<String, Object>> pools() {
		List<Map<String, Object>> pools = new ArrayList<>();
		for (WorkerPool pool : this.localPools) {
			pools.add(Map.of("name", pool.options().name(), "running", pool.isRunning(), "runningTasks",
					pool.runningTasks(), "concurrency", pool.options().concurrency()));
		}
		return pools;
	}

}
