/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskPriority;

/**
 * The {@code options} of {@code POST /api/jobs}, named as QueueFlow names them; times are
 * in milliseconds.
 *
 * @param priority {@code "high"}, {@code "normal"}, {@code "low"} or a number from 0 to
 * 1000
 * @param maxRetries retries after the first attempt (so
 * {@code maxAttempts = maxRetries + 1})
 * @param ttl time to live in ms: a job not started by then expires
 * @param timeout the longest one attempt may run, in ms; 0 for no limit
 * @param delay run no earlier than this many ms from now
 * @param group the group of the job
 * @param dedupeId a deduplication id
 * @param queue the queue to enqueue on
 */
public record JobOptions(@Nullable JsonNode priority, @Nullable Integer maxRetries, @Nullable Long ttl,
		@Nullable Long timeout, @Nullable Long delay, @Nullable String group, @Nullable String dedupeId,
		@Nullable String queue) {

	/**
	 * Apply these options to a base; the core checks each range.
	 * @param base the options to start from (with the queue already chosen)
	 * @return the options
	 * @throws InvalidTaskOptionException naming the option that is out of range
	 */
	TaskOptions applyTo(TaskOptions base) {
		TaskOptions options = base;
		if (this.priority != null) {
			options = options.priority(priority(this.priority));
		}
		if (this.maxRetries != null) {
			if (this.maxRetries < 0 || this.maxRetries > 999) {
				throw new InvalidTaskOptionException("maxRetries must be between 0 and 999, was " + this.maxRetries);
			}
			options = options.maxAttempts(this.maxRetries + 1);
		}
		options = (this.ttl != null) ? options.ttl(millis("ttl", this.ttl)) : options;
		options = (this.timeout != null) ? options.timeout(millis("timeout", this.timeout)) : options;
		options = (this.delay != null) ? options.delay(millis("delay", this.delay)) : options;
		options = (this.group != null) ? options.group(this.group) : options;
		return (this.dedupeId != null) ? options.dedupeId(this.dedupeId) : options;
	}

	private static int priority(JsonNode node) {
		if (node.isIntegralNumber() && node.canConvertToInt()) {
			return node.intValue();
		}
		if (node.isString()) {
			try {
				return TaskPriority.valueOf(node.stringValue().toUpperCase(Locale.ROOT)).value();
			}
			catch (IllegalArgumentException ex) {
				// fall through to the message below
			}
		}
		throw new InvalidTaskOptionException("priority must be \"high\", \"normal\", \"low\" or a number from "
				+ TaskPriority.MIN + " to " + TaskPriority.MAX + ", was " + node);
	}

	private static Duration millis(String option, long value) {
		if (value < 0) {
			throw new InvalidTaskOptionException(option + " must be zero or more milliseconds, was " + value);
		}
		return Duration.ofMillis(value);
	}

}
