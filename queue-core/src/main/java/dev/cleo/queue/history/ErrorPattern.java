/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Instant;

/**
 * Failures that share an exception class and a message once numbers, ids and UUIDs are
 * masked.
 *
 * @param type the exception's class name, or {@code null} (timeouts, expired leases)
 * @param message the normalised message: UUIDs as {@code <uuid>}, hexadecimal ids as
 * {@code <hex>}, numbers as {@code <n>}
 * @param count how many failed attempts had it
 * @param firstSeen the earliest of them
 * @param lastSeen the latest
 * @param exampleQueue the queue of the latest
 * @param exampleTaskId the task of the latest
 */
public record ErrorPattern(String type, String message, long count, Instant firstSeen, Instant lastSeen,
		String exampleQueue, String exampleTaskId) {

}
