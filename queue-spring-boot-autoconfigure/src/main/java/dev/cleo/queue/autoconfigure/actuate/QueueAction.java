/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.Texts;

/**
 * The administrative actions of the {@code queues} endpoint, written in kebab case in the
 * request path ({@code retry-dead-letters}).
 */
enum QueueAction {

	PAUSE, RESUME, RETRY_DEAD_LETTERS, PURGE_DEAD_LETTERS, CANCEL, PAUSE_SCHEDULE, RESUME_SCHEDULE, DELETE_SCHEDULE,
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

	/**
	 * Read an action from the request path.
	 * @param value the path segment
	 * @return the action
	 * @throws Refusal 400 naming the actions when it is none of them
	 */
	static QueueAction parse(String value) {
		QueueAction action = from(value);
		if (action == null) {
			throw Refusal.badRequest("Unknown action " + Texts.quote(value) + "; use "
					+ Arrays.stream(values()).map(QueueAction::value).collect(Collectors.joining(", ")));
		}
		return action;
	}

}
