/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

/**
 * A lease held on a task.
 *
 * @param id the task id
 * @param token the lease token
 */
public record Lease(String id, String token) {

}
