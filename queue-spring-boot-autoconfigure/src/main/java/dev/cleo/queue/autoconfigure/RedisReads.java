/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.cleo.queue.QueueUnavailableException;

/**
 * Runs the Redis reads of request threads (HTTP calls, health checks, scrapes, Actuator)
 * on a few threads of Cleo's own and waits for each at most a short deadline. While Redis
 * is away a read times out after that deadline instead of the command timeout, and at
 * most {@link #THREADS} reads are stuck at once: further ones fail at once rather than
 * queueing behind them, so no request thread parks and no pool fills up.
 */
public final class RedisReads implements AutoCloseable {

	/** How many reads run at once. */
	public static final int THREADS = 4;

	/** How many reads may wait for a thread before further ones are refused. */
	static final int BACKLOG = 32;

	private final Duration deadline;

	private final ThreadPoolExecutor executor;

	/**
	 * Create the reads.
	 * @param deadline the longest a caller waits for one read
	 */
	public RedisReads(Duration deadline) {
		this.deadline = deadline;
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(BACKLOG), (task) -> {
					Thread thread = new Thread(task, "cleo-read-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * The default deadline of a read.
	 * @return the deadline
	 */
	public Duration deadline() {
		return this.deadline;
	}

	/**
	 * Run a read and wait for it at most the default deadline.
	 * @param <T> the result type
	 * @param what what is read, for the error message ("the counts of queue 'orders'")
	 * @param read the read
	 * @return its result
	 * @throws QueueUnavailableException when Redis did not answer in time, reads are
	 * backed up, or the read failed for want of Redis
	 */
	public <T> T within(String what, Supplier<T> read) {
		return within(this.deadline, what, read);
	}

	/**
	 * Run a read and wait for it at most a given deadline.
	 * @param <T> the result type
	 * @param deadline the longest to wait
	 * @param what what is read, for the error message
	 * @param read the read
	 * @return its result
	 * @throws QueueUnavailableException when Redis did not answer in time, reads are
	 * backed up, or the read failed for want of Redis
	 */
	public <T> T within(Duration deadline, String what, Supplier<T> read) {
		Future<T> future;
		try {
			future = this.executor.submit(read::get);
		}
		catch (RejectedExecutionException ex) {
			throw new QueueUnavailableException(
					"Could not read " + what + ": earlier reads are still waiting for Redis", ex);
		}
		try {
			return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// Interrupts the read, so its thread is free for the next one.
			future.cancel(true);
			throw new QueueUnavailableException("Redis did not answer within " + deadline + " reading " + what, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new QueueUnavailableException("Could not read " + what, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QueueUnavailableException("Interrupted while reading " + what, ex);
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
