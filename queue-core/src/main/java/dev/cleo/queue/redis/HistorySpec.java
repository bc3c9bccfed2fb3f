/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import dev.cleo.queue.history.HistoryOptions;

/**
 * The history spec the scripts take (see {@code includes/history.lua}): "" when history
 * is off, else {@code <max events>:<max age ms>:<minute>:<hour>:<day retention ms>}.
 */
final class HistorySpec {

	private HistorySpec() {
	}

	static String of(HistoryOptions history) {
		if (!history.enabled()) {
			return "";
		}
		return history.streamMaxEvents() + ":" + history.streamMaxAge().toMillis() + ":"
				+ history.minuteRetention().toMillis() + ":" + history.hourRetention().toMillis() + ":"
				+ history.dayRetention().toMillis();
	}

}
