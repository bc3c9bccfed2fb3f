/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.QueueUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;

/**
 * Waits for Redis answers within a time limit and maps failures to Cleo's exceptions, in
 * one place.
 */
public final class RedisCalls {

	private static final long TICK_MILLIS = 50;

	/**
	 * One shared timer for every bounded call. A hashed wheel only queues a new timeout
	 * (the wheel's thread picks it up on its next tick), where a scheduled executor wakes
	 * its thread whenever a new deadline is the earliest: on a mostly idle pool that was
	 * a thread wake-up per Redis call. Command timeouts are seconds long, so a tick of
	 * {@value #TICK_MILLIS} ms is precise enough.
	 */
	private static final HashedWheelTimer TIMEOUTS = new HashedWheelTimer((runnable) -> {
		Thread thread = new Thread(runnable, "cleo-redis-timeouts");
		thread.setDaemon(true);
		return thread;
	}, TICK_MILLIS, TimeUnit.MILLISECONDS);

	private RedisCalls() {
	}

	/**
	 * Wait for an answer.
	 * @param <T> the answer type
	 * @param future the pending command
	 * @param timeout the longest wait; the command is cancelled after it, so it is not
	 * sent later
	 * @param what what the command does, for the message (never a payload)
	 * @return the answer
	 * @throws QueueUnavailableException when Redis is unreachable or too slow
	 * @throws QueueException when Redis answers with an error
	 */
	public static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
		try {
			return future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new QueueUnavailableException(
					"Could not " + what + ": Redis did not answer within " + timeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			throw translate(ex.getCause(), what);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new QueueException("Interrupted while waiting to " + what, ex);
		}
	}

	/**
	 * Bound an asynchronous call: the returned future fails with
	 * {@link QueueUnavailableException} when Redis does not answer in time (and the
	 * command is cancelled, so it is not sent later), and with the translated error when
	 * Redis fails it.
	 * @param <T> the answer type
	 * @param call the pending call
	 * @param limit the longest wait
	 * @param what what the call does, for the message (never a payload)
	 * @return the bounded future
	 */
	public static <T> CompletableFuture<T> within(CompletableFuture<T> call, Duration limit, String what) {
		CompletableFuture<T> bounded = new CompletableFuture<>();
		call.whenComplete((value, error) -> {
			if (error == null) {
				bounded.complete(value);
			}
			else {
				bounded.completeExceptionally(translate(error, what));
			}
		});
		// A call that answers in time cancels its timeout, which the wheel then drops.
		Timeout timer = TIMEOUTS.newTimeout((timeout) -> {
			if (bounded.completeExceptionally(new QueueUnavailableException(
					"Could not " + what + ": Redis did not answer within " + limit.toMillis() + " ms", null))) {
				call.cancel(true);
			}
		}, limit.toMillis(), TimeUnit.MILLISECONDS);
		bounded.whenComplete((value, error) -> timer.cancel());
		return bounded;
	}

	/**
	 * Let a future built on Redis commands cancel those commands when it is cancelled.
	 * Cancelling a derived future does not reach the command it was built on, and a
	 * command Lettuce holds while disconnected is sent when the connection comes back:
	 * without this, a call {@link #await} gave up on (and reported as failed) would still
	 * run later, enqueueing a task or leasing tasks to a worker that no longer waits.
	 * @param <T> the answer type
	 * @param derived the future the caller waits on
	 * @param commands the command futures it was built on
	 * @return {@code derived}
	 */
	public static <T> CompletableFuture<T> cancelling(CompletableFuture<T> derived, CompletableFuture<?>... commands) {
		derived.whenComplete((value, error) -> {
			if (derived.isCancelled()) {
				for (CompletableFuture<?> command : commands) {
					command.cancel(false);
				}
			}
		});
		return derived;
	}

	/**
	 * Map a failure of a Redis command.
	 * @param error the failure
	 * @param what what the command does
	 * @return the exception to throw
	 */
	public static QueueException translate(Throwable error, String what) {
		Throwable cause = (error instanceof java.util.concurrent.CompletionException && error.getCause() != null)
				? error.getCause() : error;
		if (cause instanceof QueueException queueException) {
			return queueException;
		}
		if (cause instanceof RedisCommandExecutionException) {
			return new QueueException("Could not " + what + ": Redis answered " + cause.getMessage(), cause);
		}
		return new QueueUnavailableException("Could not " + what + ": " + unavailability(cause), cause);
	}

	/**
	 * Why Redis is unavailable, in words for callers: no client class names or internals.
	 */
	private static String unavailability(Throwable cause) {
		if (cause instanceof RedisCommandTimeoutException) {
			return "Redis did not answer within the client's command timeout";
		}
		if (cause instanceof RedisConnectionException || cause instanceof IOException) {
			return "Redis could not be reached";
		}
		if (cause instanceof CancellationException) {
			return "the call was cancelled";
		}
		return "Redis is unavailable";
	}

}
