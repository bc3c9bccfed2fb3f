/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.Texts;

/**
 * Checks the body members of the {@code queues} endpoint's actions before anything reads
 * Redis: a missing or oversized name or id, or a {@code maxJobs} out of range, is a 400
 * that says what to send. Internal.
 */
final class ActionArguments {

	/** {@code retry-dead-letters} takes at most this many dead letters per call. */
	static final int MAX_JOBS_LIMIT = 10_000;

	/** How many dead letters a retry takes when the request names no {@code maxJobs}. */
	static final int DEFAULT_MAX_JOBS = 1000;

	/** The longest schedule name (the core's limit). */
	static final int SCHEDULE_MAX = 200;

	/** The longest task id accepted; Cleo's ids are UUIDs of 36 characters. */
	static final int TASK_ID_MAX = 100;

	private ActionArguments() {
	}

	/**
	 * A name or id an action needs from the body.
	 * @param value the body member, or {@code null} when absent
	 * @param action the action
	 * @param member the member's name, such as {@code schedule}
	 * @param max its longest allowed length
	 * @return the value
	 * @throws Refusal 400 when it is absent, blank, too long or holds control characters
	 */
	static String required(@Nullable String value, QueueAction action, String member, int max) {
		if (value == null || value.isBlank()) {
			throw Refusal.badRequest("Action '" + action.value() + "' needs the " + member + " in the body: {\""
					+ member + "\": \"<" + member + ">\"}");
		}
		if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
			throw Refusal.badRequest("The " + member + " " + Texts.quote(value) + " is invalid: use 1 to " + max
					+ " characters without control characters");
		}
		return value;
	}

	/**
	 * How many dead letters a retry takes: the core's {@code maxTasks}, from the body's
	 * {@code maxJobs} (the wire name, kept for BullMQ and QueueFlow callers).
	 * @param maxJobs the body's {@code maxJobs}, or {@code null}
	 * @return it, or {@value #DEFAULT_MAX_JOBS} when absent
	 * @throws Refusal 400 when it is outside 1 to {@value #MAX_JOBS_LIMIT}
	 */
	static int maxTasks(@Nullable Integer maxJobs) {
		if (maxJobs == null) {
			return DEFAULT_MAX_JOBS;
		}
		if (maxJobs < 1 || maxJobs > MAX_JOBS_LIMIT) {
			throw Refusal.badRequest("maxJobs must be 1 to " + MAX_JOBS_LIMIT + ", was " + maxJobs);
		}
		return maxJobs;
	}

}
