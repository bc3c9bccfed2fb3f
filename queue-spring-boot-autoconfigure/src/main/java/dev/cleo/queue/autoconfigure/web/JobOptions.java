/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code options} of {@code POST /api/jobs}, named as QueueFlow names them; times are
 * in milliseconds. Each is bounded by what the application gives the task (see
 * {@link CallerOptions}); an option not listed here is refused.
 *
 * @param priority {@code "high"}, {@code "normal"}, {@code "low"} or a number from 0 to
 * 1000, at most the task's configured priority
 * @param maxRetries retries after the first attempt (so
 * {@code maxAttempts = maxRetries + 1}), at most the task's configured retries
 * @param ttl time to live in ms: a job not started by then expires; at most
 * {@code cleo.web.api.max-ttl} and the task's configured TTL
 * @param timeout the longest one attempt may run, in ms; at most the task's configured
 * timeout, and 0 (no limit) only where none is configured
 * @param delay run no earlier than this many ms from now, at most
 * {@code cleo.web.api.max-delay}
 * @param group the group of the job, unless the task's declaration gives one
 * @param dedupeId a deduplication id, unless the task's declaration gives one
 * @param queue the queue to enqueue on: one the application serves or configures
 */
public record JobOptions(@Nullable JsonNode priority, @Nullable Integer maxRetries, @Nullable Long ttl,
		@Nullable Long timeout, @Nullable Long delay, @Nullable String group, @Nullable String dedupeId,
		@Nullable String queue) {

}
