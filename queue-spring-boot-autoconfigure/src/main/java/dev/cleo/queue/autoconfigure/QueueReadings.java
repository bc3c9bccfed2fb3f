/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.worker.WorkerPool;

/**
 * The last counts of the queues this application knows ({@link ApplicationQueues}, the
 * queues of its local worker pools and those {@linkplain #watch watched}, never every
 * queue found in Redis), read in one pipelined round trip off the request thread, with at
 * most one read in flight. Meters and the health check share it: a scrape takes the last
 * counts without waiting, a health check waits a bounded time for a fresh reading, and
 * however many ask while Redis is away, Redis is read at most once per
 * {@linkplain #deadline() deadline}.
 */
public final class QueueReadings implements AutoCloseable {

	private final ApplicationQueues applicationQueues;

	private final Supplier<? extends Collection<WorkerPool>> localPools;

	private final Set<String> watched = new ConcurrentSkipListSet<>();

	private final SingleFlightReading<Map<String, QueueCounts>> reading;

	/**
	 * Create the readings.
	 * @param applicationQueues the queues the application knows
	 * @param localPools the worker pools of this instance, asked on each read
	 * @param reader reads the counts of some queues in one round trip
	 * ({@code QueueManager::countsAsync})
	 * @param deadline how long one read may take ({@code cleo.request-timeout})
	 */
	public QueueReadings(ApplicationQueues applicationQueues, Supplier<? extends Collection<WorkerPool>> localPools,
			Function<Collection<String>, CompletableFuture<Map<String, QueueCounts>>> reader, Duration deadline) {
		this.applicationQueues = applicationQueues;
		this.localPools = localPools;
		this.reading = new SingleFlightReading<>("the counts of the application's queues", () -> reader.apply(queues()),
				deadline, System::nanoTime);
	}

	/**
	 * Read some more queues too, such as those the health check has thresholds for.
	 * @param queues the queue names
	 */
	public void watch(Collection<String> queues) {
		this.watched.addAll(queues);
	}

	/**
	 * The queues read, sorted by name.
	 * @return the application's queues, its local pools' queues and the watched ones
	 */
	public Set<String> queues() {
		Set<String> queues = new TreeSet<>(this.applicationQueues.names());
		queues.addAll(this.watched);
		this.localPools.get().forEach((pool) -> queues.addAll(pool.options().queues().keySet()));
		return queues;
	}

	/**
	 * Whether a queue is read, so that meters may carry its name.
	 * @param queue the queue name
	 * @return true for one of {@link #queues()}
	 */
	public boolean knows(String queue) {
		return this.applicationQueues.contains(queue) || this.watched.contains(queue)
				|| this.localPools.get().stream().anyMatch((pool) -> pool.options().queues().containsKey(queue));
	}

	/**
	 * The last counts, without waiting; sets off a read when the last one started at
	 * least {@code refreshAfter} ago.
	 * @param refreshAfter how old the last read may be before another starts
	 * @param maxAge how old the counts may be and still be returned
	 * @return the counts by queue, or empty before the first reading and once Redis has
	 * not answered for {@code maxAge}
	 */
	public Optional<Map<String, QueueCounts>> recent(Duration refreshAfter, Duration maxAge) {
		return this.reading.recent(refreshAfter, maxAge);
	}

	/**
	 * Counts read from now on: the read in flight, or a new one. Wait for it with a
	 * timeout of your own.
	 * @return completes with the counts by queue, or fails (with a
	 * {@link java.util.concurrent.TimeoutException} at the {@linkplain #deadline()
	 * deadline})
	 */
	public CompletableFuture<Map<String, QueueCounts>> fresh() {
		return this.reading.fresh();
	}

	/**
	 * @return how long one read may take
	 */
	public Duration deadline() {
		return this.reading.deadline();
	}

	@Override
	public void close() {
		this.reading.close();
	}

}
