/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The administrative actions of the {@code queues} endpoint, written in kebab case in the
 * request path ({@code retry-dead-letters}).
 */
enum QueueAction {

	PAUSE, RESUME, RETRY_DEAD_LETTERS, PURGE_DEAD_LETTERS, PAUSE_SCHEDULE, RESUME_SCHEDULE, DELETE_SCHEDULE,
	TRIGGER_SCHEDULE;

	/** Whether the action takes a schedule rather than the queue. */
	boolean onSchedule() {
		return name().endsWith("_SCHEDULE");
	}

	String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static @Nullable QueueAction from(String value) {
		for (QueueAction action : values()) {
			if (action.value().equalsIgnoreCase(value)) {
				return action;
			}
		}
		return null;
	}

}
