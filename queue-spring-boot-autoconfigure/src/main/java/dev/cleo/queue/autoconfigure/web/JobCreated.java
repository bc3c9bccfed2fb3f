/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /api/jobs}.
 *
 * @param jobId the job id (the earlier job's, for a duplicate)
 * @param queue the queue it was enqueued on
 * @param status {@code waiting} or {@code delayed}; a duplicate's current state, or
 * {@code null} when it could not be read
 * @param enqueuedAt when it was enqueued, epoch milliseconds; {@code null} for a
 * duplicate that could not be read
 * @param duplicate whether the deduplication id matched an earlier job
 */
public record JobCreated(String jobId, String queue, @Nullable String status, @Nullable Long enqueuedAt,
		boolean duplicate) {

}
