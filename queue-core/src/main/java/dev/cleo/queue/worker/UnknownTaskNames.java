/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.Texts;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.Outcome.Kind;

/**
 * What a pool does with a task whose name it has no handler for. Another application on
 * the same Redis, or a newer instance in a rolling deploy, may have one, so until the
 * pool's grace is over the task goes back, delayed, for another worker, and the attempt
 * does not count; after the grace it is dead-lettered as unrecoverable.
 * <p>
 * The delay is a quarter of the time since the task became due, at least
 * {@link #MIN_DELAY} and at most {@link #MAX_DELAY}: a claim a second at first, when a
 * deploy is likely in progress and another worker may take the task at the next claim,
 * then ever rarer, so a 10-minute grace costs about 40 claims per task. A pool without
 * the handler never loops on such a task, and no counter is stored with it.
 */
final class UnknownTaskNames {

	static final Duration MIN_DELAY = Duration.ofSeconds(1);

	static final Duration MAX_DELAY = Duration.ofSeconds(30);

	/** Names beyond this many are not remembered, so bad input cannot grow the set. */
	private static final int MAX_WARNED = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(UnknownTaskNames.class);

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private final Duration grace;

	private final String pool;

	UnknownTaskNames(Duration grace, String pool) {
		this.grace = grace;
		this.pool = pool;
	}

	/**
	 * The hand-back of a task without a handler here, or {@code null} once its grace is
	 * over (the caller then dead-letters it).
	 * @param task the claimed task
	 * @param now the time now (ms)
	 */
	Outcome handBack(ClaimedTask task, long now) {
		long waited = Math.max(0, now - task.readySinceMillis());
		if (waited >= this.grace.toMillis()) {
			return null;
		}
		warnOnce(task);
		long delay = Math.min(Math.max(waited / 4, MIN_DELAY.toMillis()), MAX_DELAY.toMillis());
		logger.debug("Task {} ({}) on queue '{}' handed back: no handler here; claimable again in {} ms", task.id(),
				Texts.quote(task.name()), task.queue(), delay);
		return new Outcome(task.queue(), task.id(), task.token(), Kind.HANDED_BACK, "", now + delay);
	}

	/** The stored error of a task dead-lettered after its grace. */
	String deadLetterReason(String name) {
		return "No handler is registered for task " + Texts.quote(name) + " on the workers that claimed it within"
				+ " the unknown-task grace of " + this.grace + "; register one with QueueManager.register under that"
				+ " name";
	}

	private void warnOnce(ClaimedTask task) {
		if (this.warned.size() < MAX_WARNED && this.warned.add(task.name())) {
			logger.warn("No handler is registered for task {} in worker pool '{}' (first seen on queue '{}', task {}):"
					+ " such tasks go back for another worker, not counted as attempts, and to the dead-letter"
					+ " queue if none runs them within {} of becoming due. Register a handler under that name, or"
					+ " stop enqueuing it to queues this pool serves", Texts.quote(task.name()), this.pool,
					task.queue(), task.id(), this.grace);
		}
	}

}
