/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;

/**
 * A task ready to be written by the enqueue script. Times are epoch milliseconds; 0 means
 * none.
 *
 * @param id the new id
 * @param name the task name
 * @param payloadJson the payload as JSON
 * @param priority the numeric priority
 * @param runAtMillis when it may run (0 or past means now)
 * @param maxAttempts the maximum number of attempts
 * @param backoff the encoded backoff
 * @param timeoutMillis the attempt timeout (0 = none)
 * @param expireAtMillis when it expires unless started (0 = never)
 * @param dedupeId the deduplication id, or {@code null}
 * @param dedupeWindowMillis how long the deduplication id is kept
 * @param group the group, or {@code null}
 * @param notifyOnFinish whether the task's end is published
 * @param headers the trace headers to store with it (a JSON object), or {@code null}
 */
public record NewTask(String id, String name, String payloadJson, int priority, long runAtMillis, int maxAttempts,
		String backoff, long timeoutMillis, long expireAtMillis, String dedupeId, long dedupeWindowMillis, String group,
		boolean notifyOnFinish, String headers) {

	/**
	 * Append the values the enqueue script reads per task, in its order: 13, and the
	 * headers ("" for none) as a 14th when the call carries headers.
	 */
	void addArgs(List<String> args, boolean withHeaders) {
		args.add(this.id);
		args.add(this.name);
		args.add(this.payloadJson);
		args.add(Integer.toString(this.priority));
		args.add(Long.toString(this.runAtMillis));
		args.add(Integer.toString(this.maxAttempts));
		args.add(this.backoff);
		args.add(Long.toString(this.timeoutMillis));
		args.add(Long.toString(this.expireAtMillis));
		args.add((this.dedupeId != null) ? this.dedupeId : "");
		args.add(Long.toString(this.dedupeWindowMillis));
		args.add((this.group != null) ? this.group : "");
		args.add(this.notifyOnFinish ? "1" : "");
		if (withHeaders) {
			args.add((this.headers != null) ? this.headers : "");
		}
	}

}
