/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

/**
 * What a waiter on a task's end needs to know about it.
 *
 * @param id the task id
 * @param state the stored state, or {@code null} when there is no such task
 * @param resultJson the result, or {@code null}
 * @param lastError the last error, or {@code null}
 */
public record TaskEnd(String id, String state, String resultJson, String lastError) {

}
