/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.Texts;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.redis.AckResult;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisCalls;

/**
 * Writes finished attempts to Redis (one ack script per queue) and publishes the events
 * of what Redis recorded; an outcome whose lease was lost is logged and dropped, as
 * fencing demands. Sending and completing are separate steps so a caller can keep several
 * batches on their way at once.
 */
final class AttemptRecorder {

	private static final Logger logger = LoggerFactory.getLogger(AttemptRecorder.class);

	private final WorkerServices services;

	AttemptRecorder(WorkerServices services) {
		this.services = services;
	}

	/** Send a batch: one ack script per queue, not waited for. */
	List<Sent> send(List<FinishedAttempt> batch) {
		Map<String, List<FinishedAttempt>> byQueue = new LinkedHashMap<>();
		batch.forEach(
				(attempt) -> byQueue.computeIfAbsent(attempt.task().queue(), (q) -> new ArrayList<>()).add(attempt));
		List<Sent> sent = new ArrayList<>(byQueue.size());
		byQueue.forEach((queue, attempts) -> {
			List<Outcome> outcomes = attempts.stream().map(FinishedAttempt::outcome).toList();
			sent.add(new Sent(attempts, this.services.store().ackAsync(queue, outcomes, this.services.retention())));
		});
		return sent;
	}

	/**
	 * Wait for sent batches and publish their events.
	 * @return the attempts whose queue's ack failed, to be sent again
	 * @throws QueueException the last failure, after the successful parts were published,
	 * when {@code failedOut} is null
	 */
	List<FinishedAttempt> complete(List<Sent> sent, Duration timeout) {
		List<FinishedAttempt> failed = new ArrayList<>();
		QueueException lastFailure = null;
		for (Sent part : sent) {
			try {
				List<AckResult> results = RedisCalls.await(part.results(), timeout, "record task outcomes");
				for (int i = 0; i < results.size(); i++) {
					publish(part.attempts().get(i), results.get(i));
				}
			}
			catch (QueueException ex) {
				failed.addAll(part.attempts());
				lastFailure = ex;
			}
		}
		if (lastFailure != null) {
			throw new FailedAcks(failed, lastFailure);
		}
		return failed;
	}

	/** Send a batch and wait for it; throws when any part fails. */
	void record(List<FinishedAttempt> batch, Duration timeout) {
		complete(send(batch), timeout);
	}

	private void publish(FinishedAttempt attempt, AckResult result) {
		switch (result) {
			case COMPLETED -> event(ObserverEvent.COMPLETED, attempt, null);
			case RETRY_SCHEDULED -> {
				event(ObserverEvent.FAILED, attempt, attempt.outcome().data());
				event(ObserverEvent.RETRIED, attempt, attempt.outcome().data());
			}
			case DEAD -> {
				event(ObserverEvent.FAILED, attempt, attempt.outcome().data());
				event(ObserverEvent.DEAD, attempt, attempt.outcome().data());
			}
			case CANCELLED ->
				logger.debug("Outcome of task {} ({}) attempt {} ignored: the task was cancelled while it ran",
						attempt.task().id(), Texts.quote(attempt.task().name()), attempt.task().attempt());
			case LEASE_LOST -> logger.warn(
					"Outcome of task {} ({}) attempt {} ignored: its lease was lost "
							+ "(expired or handed back), so the task runs again elsewhere",
					attempt.task().id(), Texts.quote(attempt.task().name()), attempt.task().attempt());
		}
	}

	private void event(ObserverEvent type, FinishedAttempt attempt, String detail) {
		if (this.services.events().hasListeners(type)) {
			this.services.events()
				.publish(new TaskEvent(type, attempt.task().queue(), attempt.task().id(), attempt.task().name(),
						attempt.task().attempt(), Instant.now(this.services.clock()), detail, attempt.duration()));
		}
	}

	/**
	 * One queue's share of a batch on its way to Redis.
	 *
	 * @param attempts the attempts, in the order of the outcomes sent
	 * @param results what Redis will answer
	 */
	record Sent(List<FinishedAttempt> attempts, CompletableFuture<List<AckResult>> results) {

	}

	/** Some parts of a batch could not be recorded; they are to be sent again. */
	static final class FailedAcks extends QueueException {

		private final transient List<FinishedAttempt> attempts;

		FailedAcks(List<FinishedAttempt> attempts, QueueException cause) {
			super(cause.getMessage(), cause);
			this.attempts = attempts;
		}

		List<FinishedAttempt> attempts() {
			return this.attempts;
		}

	}

}
