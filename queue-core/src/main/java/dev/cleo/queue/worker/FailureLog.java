/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.Texts;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.Outcome.Kind;

/**
 * Logs failed attempts, under this class's name
 * ({@code dev.cleo.queue.worker.FailureLog}), as Spring's {@code @Async} and
 * {@code @Scheduled} error handlers log theirs: at WARN when the task runs again, at
 * ERROR when it goes to the dead-letter queue, with the task id, name, queue and attempt,
 * and the exception as the last argument so that its stack trace is logged. The exception
 * is the handler's own, message included, as Spring logs it; Cleo adds no payload text.
 * An unreadable payload or result is logged without its exception, whose message may
 * quote the JSON: the task's stored error has it.
 */
final class FailureLog {

	private static final Logger logger = LoggerFactory.getLogger(FailureLog.class);

	private FailureLog() {
	}

	/**
	 * Log a failed attempt.
	 * @param task the task
	 * @param outcome what is recorded for the attempt
	 * @param now the time, to say when a retry is due
	 * @param what what happened, such as "failed" or "timed out after 500 ms"
	 * @param ex the exception to log with its stack trace, or {@code null} for none
	 */
	static void failed(ClaimedTask task, Outcome outcome, long now, String what, Throwable ex) {
		String name = Texts.quote(task.name());
		if (outcome.kind() == Kind.UNRECOVERABLE || task.attempt() >= task.maxAttempts()) {
			logger.error("Task {} ({}) on queue '{}' {} on attempt {} of {}; it goes to the dead-letter queue",
					task.id(), name, task.queue(), what, task.attempt(), task.maxAttempts(), ex);
		}
		else {
			logger.warn("Task {} ({}) on queue '{}' {} on attempt {} of {}; it runs again in {} ms", task.id(), name,
					task.queue(), what, task.attempt(), task.maxAttempts(), Math.max(0, outcome.retryAtMillis() - now),
					ex);
		}
	}

}
