/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

/**
 * A lease whose deadline passed, found by the reaper.
 *
 * @param id the task id
 * @param token the expired token
 * @param attempt the attempt that held the lease
 * @param maxAttempts the maximum number of attempts
 * @param backoff the encoded backoff
 * @param worker the worker that held it
 */
public record ExpiredLease(String id, String token, int attempt, int maxAttempts, String backoff, String worker) {

}
