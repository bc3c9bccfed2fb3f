/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * A task's payload is larger than the manager allows: its JSON, in UTF-8 bytes, is over
 * {@link QueueManager#maxPayloadSize()}. Nothing was sent to Redis.
 */
public class PayloadTooLargeException extends InvalidTaskOptionException {

	private final long size;

	private final long limit;

	/**
	 * Create an exception.
	 * @param taskName the name of the task whose payload is too large
	 * @param size the payload's size in bytes
	 * @param limit the largest size allowed, in bytes
	 */
	public PayloadTooLargeException(String taskName, long size, long limit) {
		super("Payload of task " + Texts.quote(taskName) + " is " + size + " bytes (as JSON, in UTF-8), over the limit "
				+ "of " + limit + " bytes: send less (a reference to large data rather than the data), or raise the "
				+ "limit with QueueManagerBuilder.maxPayloadSize or cleo.max-payload-size");
		this.size = size;
		this.limit = limit;
	}

	/**
	 * @return the payload's size in bytes
	 */
	public long size() {
		return this.size;
	}

	/**
	 * @return the largest payload allowed, in bytes
	 */
	public long limit() {
		return this.limit;
	}

}
