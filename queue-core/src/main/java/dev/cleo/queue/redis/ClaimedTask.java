/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

/**
 * A task leased to this worker by the claim script.
 *
 * @param queue the queue
 * @param id the task id
 * @param token the lease token that fences this attempt's writes
 * @param name the task name
 * @param payloadJson the payload
 * @param attempt this attempt's number, from 1
 * @param maxAttempts the maximum number of attempts
 * @param timeoutMillis the attempt timeout, 0 for none
 * @param backoff the encoded backoff
 * @param readySinceMillis when the task became due (enqueue, run-at or retry time)
 * @param headers the trace headers stored at its enqueue (a JSON object), or {@code null}
 * when it has none or the claim did not read them
 */
public record ClaimedTask(String queue, String id, String token, String name, String payloadJson, int attempt,
		int maxAttempts, long timeoutMillis, String backoff, long readySinceMillis, String headers) {

	/**
	 * A claimed task without headers.
	 * @param queue the queue
	 * @param id the task id
	 * @param token the lease token
	 * @param name the task name
	 * @param payloadJson the payload
	 * @param attempt this attempt's number
	 * @param maxAttempts the maximum number of attempts
	 * @param timeoutMillis the attempt timeout, 0 for none
	 * @param backoff the encoded backoff
	 * @param readySinceMillis when the task became due
	 */
	public ClaimedTask(String queue, String id, String token, String name, String payloadJson, int attempt,
			int maxAttempts, long timeoutMillis, String backoff, long readySinceMillis) {
		this(queue, id, token, name, payloadJson, attempt, maxAttempts, timeoutMillis, backoff, readySinceMillis, null);
	}

}
