/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.Texts;
import dev.cleo.queue.UnreadablePayloadException;
import dev.cleo.queue.UnrecoverableTaskException;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.observation.TaskObservations;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.Outcome.Kind;

/**
 * Runs one attempt on a worker thread and turns whatever happens into an {@link Outcome}:
 * a result, a failure that may retry, an unrecoverable failure (unreadable payload,
 * unknown task name after its grace), or a hand-back ({@link UnknownTaskNames}). No
 * throwable escapes, so one bad task never kills a worker.
 */
final class TaskRunner {

	private final WorkerServices services;

	private final ScheduledExecutorService timer;

	private final BiConsumer<RunningTask, FinishedAttempt> finished;

	private final UnknownTaskNames unknown;

	TaskRunner(WorkerServices services, ScheduledExecutorService timer,
			BiConsumer<RunningTask, FinishedAttempt> finished, UnknownTaskNames unknown) {
		this.services = services;
		this.timer = timer;
		this.finished = finished;
		this.unknown = unknown;
	}

	void run(RunningTask running) {
		ClaimedTask task = running.task();
		// No handler here: back for another worker, unless its grace is over (then invoke
		// dead-letters it). Not an attempt, so no STARTED either.
		Outcome back = (this.services.handlers().apply(task.name()) == null)
				? this.unknown.handBack(task, this.services.clock().millis()) : null;
		if (back != null) {
			this.finished.accept(running, new FinishedAttempt(task, back, Duration.ZERO));
			return;
		}
		Thread.interrupted();
		running.attach(Thread.currentThread());
		try (TaskMdc.Scope mdc = TaskMdc.open(task)) {
			Ended ended = observed(task, running);
			Duration took = Duration.ofNanos(System.nanoTime() - running.startedNanos());
			this.finished.accept(running, new FinishedAttempt(task, ended.outcome(), took));
			// Logged once the outcome is on its way, so that writing a stack trace
			// never delays the ack. A task handed back at shutdown or cancelled was
			// interrupted, not failed: its attempt is not recorded, so not logged either.
			if (ended.failure() != null && !running.handedBack() && !running.cancelled()) {
				FailureLog.failed(task, ended.outcome(), this.services.clock().millis(), ended.failure(),
						ended.exception());
			}
		}
	}

	/**
	 * The attempt inside its observation, in scope on this thread so that the handler's
	 * own observations and spans are its children.
	 */
	private Ended observed(ClaimedTask task, RunningTask running) {
		TaskObservations.Attempt observation = this.services.observations().attempt(task);
		Ended ended;
		try {
			ended = attempt(task, running);
		}
		catch (Throwable ex) {
			observation.stop(ex);
			throw ex;
		}
		// Without the exception where the log leaves it out (it may quote the payload).
		observation.stop((ended.failure() == null) ? null
				: (ended.exception() != null) ? ended.exception() : new UnrecoverableTaskException(ended.failure()));
		return ended;
	}

	private Ended attempt(ClaimedTask task, RunningTask running) {
		publishStarted(task);
		ScheduledFuture<?> watchdog = (task.timeoutMillis() > 0)
				? this.timer.schedule(running::timeOut, task.timeoutMillis(), TimeUnit.MILLISECONDS) : null;
		try {
			return completed(task, invoke(task, running));
		}
		catch (Throwable ex) {
			return failed(task, running, ex);
		}
		finally {
			if (watchdog != null) {
				watchdog.cancel(false);
			}
			running.detach();
			Thread.interrupted();
		}
	}

	private Object invoke(ClaimedTask task, RunningTask running) throws Exception {
		TaskHandler handler = this.services.handlers().apply(task.name());
		if (handler == null) {
			throw new UnrecoverableTaskException(this.unknown.deadLetterReason(task.name()));
		}
		WorkerTaskContext context = new WorkerTaskContext(running, this.services);
		CurrentTaskContext.set(context);
		try {
			return handler.handle(context);
		}
		finally {
			CurrentTaskContext.clear();
		}
	}

	private Ended completed(ClaimedTask task, Object result) {
		String json = "";
		if (result != null) {
			try {
				json = this.services.serializer().write(result);
			}
			catch (UnreadablePayloadException ex) {
				return new Ended(
						outcome(task, Kind.UNRECOVERABLE,
								"The handler's result could not be stored: " + ex.getMessage()),
						"failed: its result could not be stored (the task's error says why)", null);
			}
		}
		return new Ended(outcome(task, Kind.COMPLETED, json), null, null);
	}

	private Ended failed(ClaimedTask task, RunningTask running, Throwable ex) {
		if (running.timedOut()) {
			return new Ended(outcome(task, Kind.TIMED_OUT, "Timed out after " + task.timeoutMillis() + " ms"),
					"timed out after " + task.timeoutMillis() + " ms", ex);
		}
		Kind kind = (ex instanceof UnrecoverableTaskException || ex instanceof UnreadablePayloadException)
				? Kind.UNRECOVERABLE : Kind.FAILED;
		Outcome outcome = outcome(task, kind, describe(ex));
		// An unreadable payload's message may quote the payload: that stays out of the
		// log (the task's stored error has it, bounded).
		return (ex instanceof UnreadablePayloadException)
				? new Ended(outcome, "failed: its payload could not be read (the task's error says why)", null)
				: new Ended(outcome, "failed", ex);
	}

	private Outcome outcome(ClaimedTask task, Kind kind, String data) {
		long retryAt = kind.retries() ? retryAt(task.backoff(), task.attempt(), this.services.clock()) : 0;
		String stored = (kind == Kind.COMPLETED) ? data : Texts.bounded(data, this.services.maxErrorLength());
		return new Outcome(task.queue(), task.id(), task.token(), kind, stored, retryAt);
	}

	/** When a task whose given attempt failed runs again, by its stored backoff. */
	static long retryAt(String backoff, int attempt, Clock clock) {
		return clock.millis() + Backoff.decode(backoff).delayAfter(attempt, ThreadLocalRandom.current()).toMillis();
	}

	/**
	 * The error stored with the task, with a trimmed stack trace (see
	 * {@link StoredError}); {@link Outcome} bounds its length.
	 */
	static String describe(Throwable ex) {
		return StoredError.of(ex);
	}

	/** STARTED carries the queue wait: from when the task became due to now. */
	private void publishStarted(ClaimedTask task) {
		if (this.services.events().hasListeners(ObserverEvent.STARTED)) {
			Instant now = Instant.now(this.services.clock());
			Duration waited = Duration.ofMillis(Math.max(0, now.toEpochMilli() - task.readySinceMillis()));
			this.services.events()
				.publish(new TaskEvent(ObserverEvent.STARTED, task.queue(), task.id(), task.name(), task.attempt(), now,
						null, waited));
		}
	}

	private void publish(ObserverEvent type, ClaimedTask task, String detail) {
		if (this.services.events().hasListeners(type)) {
			this.services.events()
				.publish(new TaskEvent(type, task.queue(), task.id(), task.name(), task.attempt(),
						Instant.now(this.services.clock()), detail, null));
		}
	}

	/**
	 * How an attempt ended.
	 *
	 * @param outcome what to record
	 * @param failure what went wrong, for the log, or {@code null} when it completed
	 * @param exception the exception to log with its stack trace, or {@code null}
	 */
	private record Ended(Outcome outcome, String failure, Throwable exception) {

	}

}
