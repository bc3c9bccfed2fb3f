/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;
import java.time.Instant;

import dev.cleo.queue.InvalidTaskOptionException;

/**
 * What {@link TaskHistoryService#getHistoryStats(StatsQuery)} counts: a scope (the whole
 * system, a queue, a task name, a group of a queue, a worker or an instance), a time
 * range and the series' resolution. Immutable; each {@code with} method returns a copy.
 */
public final class StatsQuery {

	/** The most buckets a series may have. */
	public static final int MAX_BUCKETS = 1000;

	private final String queue;

	private final String taskName;

	private final String group;

	private final String worker;

	private final Instant since;

	private final Instant until;

	private final StatsResolution resolution;

	private StatsQuery(String queue, String taskName, String group, String worker, Instant since, Instant until,
			StatsResolution resolution) {
		this.queue = queue;
		this.taskName = taskName;
		this.group = group;
		this.worker = worker;
		this.since = since;
		this.until = until;
		this.resolution = resolution;
	}

	/**
	 * The whole system over the hour before now, by minute.
	 * @return the query
	 */
	public static StatsQuery lastHour() {
		return new StatsQuery(null, null, null, null, null, null, StatsResolution.MINUTE);
	}

	/**
	 * Only this queue.
	 * @param queue the queue, or {@code null} for every queue
	 * @return the query
	 */
	public StatsQuery withQueue(String queue) {
		return new StatsQuery(queue, this.taskName, this.group, this.worker, this.since, this.until, this.resolution);
	}

	/**
	 * Only tasks of this name.
	 * @param taskName the name, or {@code null} for any
	 * @return the query
	 */
	public StatsQuery withTaskName(String taskName) {
		return new StatsQuery(this.queue, taskName, this.group, this.worker, this.since, this.until, this.resolution);
	}

	/**
	 * Only tasks of this group of the query's queue; counted from the queue's event
	 * stream, so over what the stream still holds.
	 * @param group the group, or {@code null} for any
	 * @return the query
	 */
	public StatsQuery withGroup(String group) {
		return new StatsQuery(this.queue, this.taskName, group, this.worker, this.since, this.until, this.resolution);
	}

	/**
	 * Only attempts of this worker ({@code <instance id>/<pool name>}), or of every pool
	 * of an instance (the instance id alone).
	 * @param worker the worker or instance, or {@code null} for any
	 * @return the query
	 */
	public StatsQuery withWorker(String worker) {
		return new StatsQuery(this.queue, this.taskName, this.group, worker, this.since, this.until, this.resolution);
	}

	/**
	 * The time range.
	 * @param since its start, or {@code null} for an hour (a day at hour resolution, 30
	 * days at day resolution) before {@code until}
	 * @param until its end, or {@code null} for now
	 * @return the query
	 * @throws InvalidTaskOptionException when {@code since} is not before {@code until}
	 */
	public StatsQuery withRange(Instant since, Instant until) {
		if (since != null && until != null && !since.isBefore(until)) {
			throw new InvalidTaskOptionException("since must be before until, was " + since + " and " + until);
		}
		return new StatsQuery(this.queue, this.taskName, this.group, this.worker, since, until, this.resolution);
	}

	/**
	 * The series' bucket width.
	 * @param resolution the resolution
	 * @return the query
	 */
	public StatsQuery withResolution(StatsResolution resolution) {
		return new StatsQuery(this.queue, this.taskName, this.group, this.worker, this.since, this.until,
				(resolution != null) ? resolution : StatsResolution.MINUTE);
	}

	public String queue() {
		return this.queue;
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

	public Instant since() {
		return this.since;
	}

	public Instant until() {
		return this.until;
	}

	public StatsResolution resolution() {
		return this.resolution;
	}

	/** The range when {@code since} is not given. */
	Duration defaultRange() {
		return switch (this.resolution) {
			case MINUTE -> Duration.ofHours(1);
			case HOUR -> Duration.ofDays(1);
			case DAY -> Duration.ofDays(30);
		};
	}

}
