/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.List;

/**
 * One page of a listing by state ({@link QueueTasks#list}).
 *
 * @param tasks the tasks, in the order asked; at most the request's limit
 * @param nextCursor the cursor for the next page ({@link TaskListRequest#after}), or
 * {@code null} when this page is the last
 */
public record TaskPage(List<ListedTask> tasks, String nextCursor) {

	/**
	 * Create a page.
	 * @param tasks the tasks
	 * @param nextCursor the cursor for the next page, or {@code null}
	 */
	public TaskPage {
		tasks = List.copyOf(tasks);
	}

	/**
	 * Whether another page follows.
	 * @return true when {@link #nextCursor()} is set
	 */
	public boolean hasNext() {
		return this.nextCursor != null;
	}

}
