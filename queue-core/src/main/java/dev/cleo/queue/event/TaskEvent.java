/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened to a task, or to its queue.
 *
 * @param type what happened (a concrete type, see {@link ObserverEvent#isConcrete()})
 * @param queue the queue
 * @param taskId the task id ({@code null} for a group's, a queue's or a gap event)
 * @param taskName the task name ({@code null} when the event does not carry it)
 * @param attempt the attempt it happened in (0 for {@code CREATED} and events of no
 * attempt)
 * @param at when it happened
 * @param detail the error for failures (its first line, followed across instances), the
 * percentage for progress, the result of a completion followed across instances when it
 * is at most 1,000 characters, what was done for group and queue events, the number of
 * missed stream entries for a gap; else {@code null}
 * @param duration for {@code STARTED} the queue wait (from when the task became due: its
 * enqueue, run-at or retry time); for completions and failures the attempt's run time;
 * else {@code null}
 * @param group the task's group, or the group of a {@code GROUP_CHANGE}; {@code null}
 * when none or not carried
 * @param worker the worker that ran the attempt ({@code <instance id>/<pool name>}), when
 * carried
 * @param cursor where a follower can go on after this event ({@code null} for events of
 * this instance): give it to {@code TaskEventStreams.follow} to resume
 */
public record TaskEvent(ObserverEvent type, String queue, String taskId, String taskName, int attempt, Instant at,
		String detail, Duration duration, String group, String worker, String cursor) {

	/**
	 * An event of this instance, with neither group, worker nor cursor.
	 * @param type what happened
	 * @param queue the queue
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param attempt the attempt
	 * @param at when it happened
	 * @param detail the detail
	 * @param duration the duration
	 */
	public TaskEvent(ObserverEvent type, String queue, String taskId, String taskName, int attempt, Instant at,
			String detail, Duration duration) {
		this(type, queue, taskId, taskName, attempt, at, detail, duration, null, null, null);
	}

}
