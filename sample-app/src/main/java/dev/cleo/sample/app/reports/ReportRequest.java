/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.reports;

/**
 * What report to build: the payload of a {@code generate-report} task.
 *
 * @param title the report's title
 * @param steps how many slow steps it takes (1 to 100)
 * @param millisPerStep how long each step works
 */
public record ReportRequest(String title, int steps, long millisPerStep) {

	/**
	 * Check the ranges.
	 * @param title the report's title
	 * @param steps how many slow steps it takes (1 to 100)
	 * @param millisPerStep how long each step works (0 to 60,000)
	 */
	public ReportRequest {
		if (steps < 1 || steps > 100 || millisPerStep < 0 || millisPerStep > 60_000) {
			throw new IllegalArgumentException(
					"steps must be 1 to 100 and millisPerStep 0 to 60000, were " + steps + " and " + millisPerStep);
		}
	}

}
