/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value of a read from Redis, refreshed off the caller's thread with at most
 * one read in flight. Callers that must not wait (meters) take the last value and set off
 * a refresh when it is old; callers that want a fresh value (a health check) join the
 * read in flight, or start one, and wait for it as long as they choose. A read fails at
 * its deadline, so that one stuck read cannot stop every later one, and the next starts
 * only after that: while Redis is away, asking a thousand times costs one read per
 * deadline. Internal.
 *
 * @param <T> the type of the value
 */
public final class SingleFlightReading<T> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SingleFlightReading.class);

	private final String what;

	private final Supplier<CompletableFuture<T>> read;

	private final Duration deadline;

	private final LongSupplier nanoTime;

	private final Executor starter;

	private final AtomicReference<CompletableFuture<T>> inFlight = new AtomicReference<>();

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile @Nullable Stamped<T> last;

	/** When the last read started; only reads that must not wait look at it. */
	private volatile long startedAt;

	private volatile boolean started;

	/**
	 * Create the reading.
	 * @param what what is read, for the log ("the counts of the application's queues")
	 * @param read starts a read; called on a thread of this reading's own, which it keeps
	 * until the future is returned, so that a blocking read holds that one thread and no
	 * caller's
	 * @param deadline how long a read may take before it counts as failed
	 * @param nanoTime the clock ({@code System::nanoTime}, or a test's)
	 */
	public SingleFlightReading(String what, Supplier<CompletableFuture<T>> read, Duration deadline,
			LongSupplier nanoTime) {
		// One thread and no queue: while a blocking read still holds it, a new read fails
		// at once instead of piling up behind it.
		this(what, read, deadline, nanoTime,
				new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), (task) -> {
					Thread thread = new Thread(task, "cleo-reading");
					thread.setDaemon(true);
					return thread;
				}));
	}

	/**
	 * Create the reading with a given thread for starting reads (a test's
	 * {@code Runnable::run} makes every step happen on the caller's thread).
	 */
	SingleFlightReading(String what, Supplier<CompletableFuture<T>> read, Duration deadline, LongSupplier nanoTime,
			Executor starter) {
		this.what = what;
		this.read = read;
		this.deadline = deadline;
		this.nanoTime = nanoTime;
		this.starter = starter;
	}

	/**
	 * The last value, without waiting; sets off a refresh (unless one is in flight) when
	 * the last read started at least {@code refreshAfter} ago.
	 * @param refreshAfter how old the last read may be before another starts
	 * @param maxAge how old the last value may be and still be returned
	 * @return the last value read successfully within {@code maxAge}, or empty
	 */
	public Optional<T> recent(Duration refreshAfter, Duration maxAge) {
		long now = this.nanoTime.getAsLong();
		if (!this.started || now - this.startedAt >= refreshAfter.toNanos()) {
			fresh();
		}
		Stamped<T> last = this.last;
		return (last != null && now - last.at() <= maxAge.toNanos()) ? Optional.of(last.value()) : Optional.empty();
	}

	/**
	 * A value read from now on: the read in flight, or a new one.
	 * @return completes with the value, or with the read's failure
	 * ({@link java.util.concurrent.TimeoutException} at the deadline)
	 */
	public CompletableFuture<T> fresh() {
		while (true) {
			CompletableFuture<T> current = this.inFlight.get();
			if (current != null) {
				return current;
			}
			CompletableFuture<T> result = new CompletableFuture<>();
			if (this.inFlight.compareAndSet(null, result)) {
				start(result);
				return result;
			}
		}
	}

	/**
	 * @return how long a read may take
	 */
	public Duration deadline() {
		return this.deadline;
	}

	private void start(CompletableFuture<T> result) {
		this.startedAt = this.nanoTime.getAsLong();
		this.started = true;
		CompletableFuture<T> timed = new CompletableFuture<T>().orTimeout(this.deadline.toMillis(),
				TimeUnit.MILLISECONDS);
		timed.whenComplete((value, failure) -> finish(result, value, failure));
		try {
			this.starter.execute(() -> readInto(timed));
		}
		catch (RejectedExecutionException ex) {
			timed
				.completeExceptionally(new IllegalStateException("An earlier read of " + this.what + " has not ended"));
		}
	}

	private void readInto(CompletableFuture<T> timed) {
		try {
			this.read.get().whenComplete((value, failure) -> {
				if (failure != null) {
					timed.completeExceptionally(failure);
				}
				else {
					timed.complete(value);
				}
			});
		}
		catch (RuntimeException ex) {
			timed.completeExceptionally(ex);
		}
	}

	/**
	 * Keep the value, then let the next read start, then answer the waiting callers: one
	 * that reads {@link #recent} after its wait sees this value.
	 */
	private void finish(CompletableFuture<T> result, @Nullable T value, @Nullable Throwable failure) {
		Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
		if (cause == null) {
			this.last = new Stamped<>(value, this.nanoTime.getAsLong());
			if (this.failing.getAndSet(false)) {
				logger.info("Redis answers again: read {}", this.what);
			}
		}
		else if (!this.failing.getAndSet(true)) {
			// Once per outage: scrapes and health checks ask many times a minute.
			logger.warn("Could not read {} from Redis (said once until it answers again)", this.what, cause);
		}
		else {
			logger.debug("Could not read {} from Redis", this.what, cause);
		}
		this.inFlight.compareAndSet(result, null);
		if (cause == null) {
			result.complete(value);
		}
		else {
			result.completeExceptionally(cause);
		}
	}

	@Override
	public void close() {
		if (this.starter instanceof ExecutorService executor) {
			executor.shutdownNow();
		}
	}

	private record Stamped<T>(T value, long at) {

	}

}
