/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.Objects;

/**
 * One task to enqueue: the handler's name, the payload (written as JSON) and the options.
 *
 * @param name the registered task name, 1 to 200 characters without control characters
 * @param payload the payload, any value the serializer can write, or {@code null}
 * @param options the options
 */
public record TaskRequest(String name, Object payload, TaskOptions options) {

	/**
	 * Check the name and options.
	 */
	public TaskRequest {
		Names.checkTask(name);
		Objects.requireNonNull(options, "options must not be null");
	}

	/**
	 * Check a task's serialised payload against the largest size allowed, before anything
	 * is sent: every path that stores a payload (enqueues of any kind, schedules) passes
	 * here.
	 * @param name the task name, for the message
	 * @param payloadJson the payload as JSON
	 * @param maxPayloadSize the most bytes its UTF-8 form may take
	 * @return the payload
	 * @throws PayloadTooLargeException when it is larger
	 */
	public static String checkPayloadSize(String name, String payloadJson, long maxPayloadSize) {
		// Each char is at least one byte and at most three: count only when it may
		// matter.
		if (payloadJson.length() > maxPayloadSize || payloadJson.length() * 3L > maxPayloadSize) {
			long size = Texts.utf8Length(payloadJson);
			if (size > maxPayloadSize) {
				throw new PayloadTooLargeException(name, size, maxPayloadSize);
			}
		}
		return payloadJson;
	}

	/**
	 * A request with default options.
	 * @param name the registered task name
	 * @param payload the payload
	 * @return the request
	 */
	public static TaskRequest of(String name, Object payload) {
		return new TaskRequest(name, payload, TaskOptions.defaults());
	}

	/**
	 * A request with options.
	 * @param name the registered task name
	 * @param payload the payload
	 * @param options the options
	 * @return the request
	 */
	public static TaskRequest of(String name, Object payload, TaskOptions options) {
		return new TaskRequest(name, payload, options);
	}

}
