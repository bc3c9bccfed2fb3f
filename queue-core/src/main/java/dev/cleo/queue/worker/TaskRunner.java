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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.Texts;
import dev.cleo.queue.UnreadablePayloadException;
import dev.cleo.queue.UnrecoverableTaskException;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
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

	private static final Logger logger = LoggerFactory.getLogger(TaskRunner.class);

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
		publishStarted(task);
		ScheduledFuture<?> watchdog = (task.timeoutMillis() > 0)
				? this.timer.schedule(running::timeOut, task.timeoutMillis(), TimeUnit.MILLISECONDS) : null;
		Outcome outcome;
		try {
			outcome = completed(task, invoke(task, running));
		}
		catch (Throwable ex) {
			outcome = failed(task, running, ex);
		}
		finally {
			if (watchdog != null) {
				watchdog.cancel(false);
			}
			running.detach();
			Thread.interrupted();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - running.startedNanos());
		this.finished.accept(running, new FinishedAttempt(task, outcome, took));
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

	private Outcome completed(ClaimedTask task, Object result) {
		String json = "";
		if (result != null) {
			try {
				json = this.services.serializer().write(result);
			}
			catch (UnreadablePayloadException ex) {
				return outcome(task, Kind.UNRECOVERABLE,
						"The handler's result could not be stored: " + ex.getMessage());
			}
		}
		return outcome(task, Kind.COMPLETED, json);
	}

	private Outcome failed(ClaimedTask task, RunningTask running, Throwable ex) {
		if (running.timedOut()) {
			return outcome(task, Kind.FAILED, "Timed out after " + task.timeoutMillis() + " ms");
		}
		Kind kind = (ex instanceof UnrecoverableTaskException || ex instanceof UnreadablePayloadException)
				? Kind.UNRECOVERABLE : Kind.FAILED;
		// The exception's type only: its message may quote the payload, which stays out
		// of
		// the log (the task's stored error has it, bounded).
		if (logger.isDebugEnabled()) {
			logger.debug("Task {} ({}) on queue '{}' attempt {} failed with {}", task.id(), Texts.quote(task.name()),
					task.queue(), task.attempt(), ex.getClass().getName());
		}
		return outcome(task, kind, describe(ex));
	}

	private Outcome outcome(ClaimedTask task, Kind kind, String data) {
		long retryAt = (kind == Kind.FAILED) ? retryAt(task.backoff(), task.attempt(), this.services.clock()) : 0;
		return new Outcome(task.queue(), task.id(), task.token(), kind, data, retryAt);
	}

	/** When a task whose given attempt failed runs again, by its stored backoff. */
	static long retryAt(String backoff, int attempt, Clock clock) {
		return clock.millis() + Backoff.decode(backoff).delayAfter(attempt, ThreadLocalRandom.current()).toMillis();
	}

	/** The error stored with the task; {@link Outcome} bounds its length. */
	static String describe(Throwable ex) {
		return (ex instanceof UnrecoverableTaskException || ex instanceof UnreadablePayloadException) ? ex.getMessage()
				: ex.getClass().getName() + ": " + ex.getMessage();
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

}
