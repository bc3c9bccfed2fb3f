/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.redis.AckResult;
import dev.cleo.queue.redis.Outcome;

/**
 * Writes a batch of finished attempts to Redis (one ack script per queue) and publishes
 * the events of what Redis recorded; an outcome whose lease was lost is logged and
 * dropped, as fencing demands.
 */
final class AttemptRecorder {

	private static final Logger logger = LoggerFactory.getLogger(AttemptRecorder.class);

	private final WorkerServices services;

	AttemptRecorder(WorkerServices services) {
		this.services = services;
	}

	/**
	 * Record the batch; throws (and records nothing more) when Redis fails, so the caller
	 * can retry.
	 */
	void record(List<FinishedAttempt> batch) {
		Map<String, List<FinishedAttempt>> byQueue = new LinkedHashMap<>();
		batch.forEach(
				(attempt) -> byQueue.computeIfAbsent(attempt.task().queue(), (q) -> new ArrayList<>()).add(attempt));
		byQueue.forEach(this::recordQueue);
	}

	private void recordQueue(String queue, List<FinishedAttempt> attempts) {
		List<Outcome> outcomes = attempts.stream().map(FinishedAttempt::outcome).toList();
		List<AckResult> results = this.services.store().ack(queue, outcomes, this.services.retention());
		for (int i = 0; i < results.size(); i++) {
			publish(attempts.get(i), results.get(i));
		}
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
			case LEASE_LOST -> logger.warn(
					"Outcome of task {} ({}) attempt {} ignored: its lease was lost "
							+ "(expired or handed back), so the task runs again elsewhere",
					attempt.task().id(), attempt.task().name(), attempt.task().attempt());
		}
	}

	private void event(ObserverEvent type, FinishedAttempt attempt, String detail) {
		if (this.services.events().hasListeners(type)) {
			this.services.events()
				.publish(new TaskEvent(type, attempt.task().queue(), attempt.task().id(), attempt.task().name(),
						attempt.task().attempt(), Instant.now(this.services.clock()), detail, attempt.duration()));
		}
	}

}
