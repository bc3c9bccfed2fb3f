/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * Which page of a listing by state to read ({@link QueueTasks#list}): the order, how many
 * tasks at most, and where the page before ended.
 *
 * <pre>{@code
 * TaskPage page = queues.tasks("emails").list(TaskState.WAITING, TaskListRequest.oldestFirst(50));
 * TaskPage next = queues.tasks("emails").list(TaskState.WAITING, TaskListRequest.oldestFirst(50).after(page.nextCursor()));
 * }</pre>
 *
 * @param order oldest or newest first (what that means per state: {@link QueueTasks})
 * @param limit the most tasks on the page, 1 to {@value #MAX_LIMIT}
 * @param cursor {@link TaskPage#nextCursor()} of the page before, in the same state and
 * order, or {@code null} for the first page
 */
public record TaskListRequest(Order order, int limit, String cursor) {

	/** The most tasks one page may hold. */
	public static final int MAX_LIMIT = 1000;

	/** The longest cursor accepted; the cursors Cleo hands out are far shorter. */
	static final int MAX_CURSOR_LENGTH = 2000;

	/**
	 * Check the request.
	 * @throws InvalidTaskOptionException when the order is missing, the limit is outside
	 * 1 to {@value #MAX_LIMIT} or the cursor is longer than any Cleo hands out
	 */
	public TaskListRequest {
		if (order == null) {
			throw new InvalidTaskOptionException("order must be OLDEST_FIRST or NEWEST_FIRST, was null");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidTaskOptionException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		if (cursor != null && cursor.length() > MAX_CURSOR_LENGTH) {
			throw new InvalidTaskOptionException("cursor must be the nextCursor of a page before (at most "
					+ MAX_CURSOR_LENGTH + " characters), was " + cursor.length() + " characters long");
		}
	}

	/**
	 * The first page, oldest first.
	 * @param limit the most tasks, 1 to {@value #MAX_LIMIT}
	 * @return the request
	 */
	public static TaskListRequest oldestFirst(int limit) {
		return new TaskListRequest(Order.OLDEST_FIRST, limit, null);
	}

	/**
	 * The first page, newest first.
	 * @param limit the most tasks, 1 to {@value #MAX_LIMIT}
	 * @return the request
	 */
	public static TaskListRequest newestFirst(int limit) {
		return new TaskListRequest(Order.NEWEST_FIRST, limit, null);
	}

	/**
	 * The page after the one that handed out this cursor, in the same order and limit.
	 * @param cursor {@link TaskPage#nextCursor()}, or {@code null} for the first page
	 * @return the request
	 */
	public TaskListRequest after(String cursor) {
		return new TaskListRequest(this.order, this.limit, cursor);
	}

	/**
	 * Whether the newest task comes first.
	 * @return true for {@link Order#NEWEST_FIRST}
	 */
	public boolean isNewestFirst() {
		return this.order == Order.NEWEST_FIRST;
	}

	/** The order of a listing. */
	public enum Order {

		/** Oldest first; for waiting tasks, the order they run in. */
		OLDEST_FIRST,

		/** Newest first: the exact reverse. */
		NEWEST_FIRST

	}

}
