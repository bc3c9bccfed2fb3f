/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.tasks;

import org.jspecify.annotations.Nullable;

/**
 * The payload of a {@code simulate-work} task.
 *
 * @param millis how long each attempt works
 * @param failTimes how many attempts fail before one succeeds; none when absent
 */
public record Work(long millis, @Nullable Integer failTimes) {

	/**
	 * How many attempts fail before one succeeds.
	 * @return {@link #failTimes()}, or 0 when the payload gave none
	 */
	public int failuresBeforeSuccess() {
		return (this.failTimes != null) ? this.failTimes : 0;
	}

}
