/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

/**
 * The answer to {@code POST /api/jobs/{id}/cancel}.
 *
 * @param jobId the job id
 * @param queue its queue
 * @param status {@code cancelled}
 * @param previousStatus the state it was cancelled in ({@code waiting}, {@code delayed},
 * {@code failed}, or {@code active} for a running job, whose handler is interrupted)
 */
public record JobCancelled(String jobId, String queue, String status, String previousStatus) {

}
