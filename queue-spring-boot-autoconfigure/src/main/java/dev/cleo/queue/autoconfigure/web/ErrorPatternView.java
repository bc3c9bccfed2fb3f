/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.history.ErrorPattern;

/**
 * Failures that share an exception class and a message once numbers, ids and UUIDs are
 * masked, as {@code /api/history/errors} shows them; times are ISO-8601 instants.
 *
 * @param type the exception's class name, or {@code null} (timeouts, expired leases)
 * @param message the masked message ({@code <uuid>}, {@code <hex>}, {@code <n>})
 * @param count how many failed attempts had it
 * @param firstSeen the earliest of them
 * @param lastSeen the latest
 * @param exampleQueue the queue of the latest
 * @param exampleJobId the job of the latest
 */
public record ErrorPatternView(@Nullable String type, String message, long count, String firstSeen, String lastSeen,
		String exampleQueue, String exampleJobId) {

	static ErrorPatternView of(ErrorPattern pattern) {
		return new ErrorPatternView(pattern.type(), pattern.message(), pattern.count(), pattern.firstSeen().toString(),
				pattern.lastSeen().toString(), pattern.exampleQueue(), pattern.exampleTaskId());
	}

}
