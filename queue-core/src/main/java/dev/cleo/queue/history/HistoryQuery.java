/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import dev.cleo.queue.InvalidTaskOptionException;

/**
 * Which recent attempts a history read returns, newest first: filters (all optional, all
 * must match), a time range of the attempts' ends, a page size and the cursor of the page
 * before. Immutable; each {@code with} method returns a copy.
 */
public final class HistoryQuery {

	/** The most attempts one page may hold. */
	public static final int MAX_LIMIT = 1000;

	private static final HistoryQuery NEWEST = new HistoryQuery(null, null, null, Set.of(), null, null, 50, null);

	private final String taskName;

	private final String group;

	private final String worker;

	private final Set<HistoryOutcome> outcomes;

	private final Instant since;

	private final Instant until;

	private final int limit;

	private final String cursor;

	private HistoryQuery(String taskName, String group, String worker, Set<HistoryOutcome> outcomes, Instant since,
			Instant until, int limit, String cursor) {
		this.taskName = taskName;
		this.group = group;
		this.worker = worker;
		this.outcomes = outcomes;
		this.since = since;
		this.until = until;
		this.limit = limit;
		this.cursor = cursor;
	}

	/**
	 * The 50 newest attempts, unfiltered.
	 * @return the query
	 */
	public static HistoryQuery newest() {
		return NEWEST;
	}

	/**
	 * Only attempts of tasks with this name.
	 * @param taskName the name, or {@code null} for any
	 * @return the query
	 */
	public HistoryQuery withTaskName(String taskName) {
		return new HistoryQuery(taskName, this.group, this.worker, this.outcomes, this.since, this.until, this.limit,
				this.cursor);
	}

	/**
	 * Only attempts of tasks of this group.
	 * @param group the group, or {@code null} for any
	 * @return the query
	 */
	public HistoryQuery withGroup(String group) {
		return new HistoryQuery(this.taskName, group, this.worker, this.outcomes, this.since, this.until, this.limit,
				this.cursor);
	}

	/**
	 * Only attempts run by this worker ({@code <instance id>/<pool name>}), or by any
	 * pool of this instance (the instance id alone).
	 * @param worker the worker or instance, or {@code null} for any
	 * @return the query
	 */
	public HistoryQuery withWorker(String worker) {
		return new HistoryQuery(this.taskName, this.group, worker, this.outcomes, this.since, this.until, this.limit,
				this.cursor);
	}

	/**
	 * Only attempts matching one of these outcomes.
	 * @param outcomes the outcomes; none for any
	 * @return the query
	 */
	public HistoryQuery withOutcomes(HistoryOutcome... outcomes) {
		Set<HistoryOutcome> set = (outcomes.length == 0) ? Set.of() : Set.copyOf(EnumSet.of(outcomes[0], outcomes));
		return new HistoryQuery(this.taskName, this.group, this.worker, set, this.since, this.until, this.limit,
				this.cursor);
	}

	/**
	 * Only attempts that ended in {@code [since, until)}.
	 * @param since the earliest end, or {@code null} for no bound
	 * @param until the end of the range (exclusive), or {@code null} for now
	 * @return the query
	 * @throws InvalidTaskOptionException when {@code since} is not before {@code until}
	 */
	public HistoryQuery withRange(Instant since, Instant until) {
		if (since != null && until != null && !since.isBefore(until)) {
			throw new InvalidTaskOptionException("since must be before until, was " + since + " and " + until);
		}
		return new HistoryQuery(this.taskName, this.group, this.worker, this.outcomes, since, until, this.limit,
				this.cursor);
	}

	/**
	 * At most this many attempts per page.
	 * @param limit from 1 to {@value #MAX_LIMIT}
	 * @return the query
	 * @throws InvalidTaskOptionException when out of range
	 */
	public HistoryQuery withLimit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidTaskOptionException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		return new HistoryQuery(this.taskName, this.group, this.worker, this.outcomes, this.since, this.until, limit,
				this.cursor);
	}

	/**
	 * The page after the one that gave this cursor.
	 * @param cursor {@link HistoryPage#nextCursor()} of the page before, or {@code null}
	 * for the first page
	 * @return the query
	 */
	public HistoryQuery withCursor(String cursor) {
		return new HistoryQuery(this.taskName, this.group, this.worker, this.outcomes, this.since, this.until,
				this.limit, cursor);
	}

	public String taskName() {
		return this.taskName;
	}

	public String group() {
		return this.group;
	}

	public String worker() {
		return this.worker;
	}

	public Set<HistoryOutcome> outcomes() {
		return this.outcomes;
	}

	public Instant since() {
		return this.since;
	}

	public Instant until() {
		return this.until;
	}

	public int limit() {
		return this.limit;
	}

	public String cursor() {
		return this.cursor;
	}

	/** Whether an attempt passes the filters (the time range is applied by the read). */
	boolean matches(TaskAttempt attempt) {
		if (this.taskName != null && !this.taskName.equals(attempt.taskName())) {
			return false;
		}
		if (this.group != null && !this.group.equals(attempt.group())) {
			return false;
		}
		if (this.worker != null && !this.worker.equals(attempt.worker()) && !this.worker.equals(attempt.instance())) {
			return false;
		}
		return this.outcomes.isEmpty() || this.outcomes.stream().anyMatch((outcome) -> outcome.matches(attempt));
	}

}
