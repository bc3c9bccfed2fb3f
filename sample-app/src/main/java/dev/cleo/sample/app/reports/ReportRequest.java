/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.reports;

import dev.cleo.sample.app.problems.InvalidRequestException;

/**
 * What report to build: the payload of a {@code generate-report} task.
 *
 * @param title the report's title (1 to 200 characters, no control characters)
 * @param steps how many slow steps it takes (1 to 100)
 * @param millisPerStep how long each step works (0 to 60,000)
 */
public record ReportRequest(String title, int steps, long millisPerStep) {

	/**
	 * Check the ranges, here so that a request over HTTP and a payload read by a worker
	 * are held to the same bounds.
	 * @param title the report's title (1 to 200 characters, no control characters)
	 * @param steps how many slow steps it takes (1 to 100)
	 * @param millisPerStep how long each step works (0 to 60,000)
	 * @throws InvalidRequestException naming the field out of range
	 */
	public ReportRequest {
		if (title == null || title.isBlank() || title.length() > 200
				|| title.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequestException("title must be 1 to 200 characters without control characters");
		}
		if (steps < 1 || steps > 100 || millisPerStep < 0 || millisPerStep > 60_000) {
			throw new InvalidRequestException("steps must be 1 to 100 and millisPerStep 0 to 60000");
		}
	}

}
