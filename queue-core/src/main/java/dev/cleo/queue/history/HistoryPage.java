/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.util.List;

/**
 * One page of recent attempts, newest first.
 *
 * @param attempts the attempts; fewer than the query's limit when a read stopped at its
 * scan bound (the next page goes on from there) or history holds no more
 * @param nextCursor the cursor of the next page, or {@code null} when there is none
 */
public record HistoryPage(List<TaskAttempt> attempts, String nextCursor) {

	/**
	 * Keep an unmodifiable copy.
	 */
	public HistoryPage {
		attempts = List.copyOf(attempts);
	}

}
