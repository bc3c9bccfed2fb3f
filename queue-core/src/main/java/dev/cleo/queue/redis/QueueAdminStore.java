/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.GroupInfo;
import dev.cleo.queue.GroupStats;

/**
 * The queue-wide side of the store, next to {@link TaskStore}'s per-task operations:
 * pausing, the registry of known queues, worker pool reports and bulk removals. Like
 * {@link TaskStore}, synchronous methods wait at most the command timeout and throw
 * {@link dev.cleo.queue.QueueUnavailableException} when Redis does not answer.
 */
public interface QueueAdminStore {

	/** Set or clear the queue's paused flag; clearing it wakes a blocked worker. */
	void setPaused(String queue, boolean paused);

	/** Whether the queue's paused flag is set. */
	boolean isPaused(String queue);

	/**
	 * Set a group setting ({@code strategy}, {@code concurrency} or
	 * {@code priority:<group>}) and place the waiting groups again under it.
	 */
	void setGroupSetting(String queue, String field, String value);

	/** A group setting, or {@code null} when not set. */
	String groupSetting(String queue, String field);

	/** Pause or resume one group of the queue. */
	void setGroupPaused(String queue, String group, boolean paused);

	/** Whether one group of the queue is paused. */
	boolean isGroupPaused(String queue, String group);

	/**
	 * The groups with waiting or running tasks, paused or held by a retry, by name, at
	 * most {@code limit}.
	 */
	List<GroupInfo> groups(String queue, int limit);

	/**
	 * The stats of the given groups, in their order, read in one round trip; the
	 * throughput is measured up to {@code now} (epoch ms).
	 */
	List<GroupStats> groupStats(String queue, List<String> groups, long now);

	/** Add a queue to the registry of known queues. */
	CompletableFuture<Void> addQueue(String queue);

	/** The registry of known queues, unsorted. */
	List<String> queues();

	/** Write a worker pool's report (see {@link RedisKeys}) under its field. */
	CompletableFuture<Void> reportWorker(String queue, String field, String report);

	/** Remove worker pool reports. */
	void removeWorkers(String queue, List<String> fields);

	/** Every worker pool report of a queue, by field. */
	Map<String, String> workers(String queue);

	/** Delete every dead task, in bounded chunks; returns how many. */
	long purgeDead(String queue);

	/**
	 * Delete finished tasks in the given states that finished at or before a time, in
	 * bounded chunks; returns how many.
	 */
	long removeFinished(String queue, List<String> states, long finishedAtOrBefore);

}
