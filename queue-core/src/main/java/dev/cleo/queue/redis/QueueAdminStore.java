/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.WorkerInfo;
import dev.cleo.queue.group.GroupInfo;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.group.GroupSettings;
import dev.cleo.queue.group.GroupStats;

/**
 * The queue-wide side of the store, next to {@link TaskStore}'s per-task operations:
 * pausing, the registry of known queues, worker pool presence and bulk removals. Like
 * {@link TaskStore}, synchronous methods wait at most the command timeout and throw
 * {@link dev.cleo.queue.QueueUnavailableException} when Redis does not answer.
 */
public interface QueueAdminStore {

	/** Set or clear the queue's paused flag; clearing it wakes a blocked worker. */
	void setPaused(String queue, boolean paused);

	/** Whether the queue's paused flag is set. */
	boolean isPaused(String queue);

	/**
	 * Change one group setting of the queue, queue-wide or one group's own, and place the
	 * waiting groups again under it.
	 * @throws dev.cleo.queue.InvalidTaskOptionException when the order is to change while
	 * grouped tasks wait
	 */
	void writeGroupSetting(String queue, GroupSettingChange change);

	/** The queue's group settings, defaults where none is set, in one read. */
	GroupSettings groupSettings(String queue);

	/** Whether Redis holds any group setting of the queue. */
	boolean hasGroupSettings(String queue);

	/**
	 * The rate limit that applies to one group: its own, else the queue's; {@code null}
	 * when neither is set.
	 */
	GroupRateLimit groupRateLimit(String queue, String group);

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
	 * Merge group {@code from} into group {@code into} (see {@code group-merge.lua}) in
	 * bounded calls until none of its waiting tasks is left; returns how many moved.
	 * @throws dev.cleo.queue.QueueException when {@code from} was merged into another
	 * group, {@code into} was merged into {@code from}, or {@code from} is being split
	 */
	long mergeGroups(String queue, String from, String into);

	/** Up to {@code limit} waiting tasks of a group from {@code offset}, in its order. */
	List<TaskInfo> waitingInGroup(String queue, String group, long offset, int limit);

	/**
	 * Move waiting tasks of a group to new groups (see {@code group-split.lua}): id to
	 * new group, {@code ""} to stay; the group is out of line from the first call until
	 * one with {@code last} set.
	 * @throws dev.cleo.queue.QueueException when the group was merged into another
	 */
	GroupMoves moveWaiting(String queue, String group, Map<String, String> newGroups, boolean last);

	/**
	 * The stats of the given groups, in their order, read in one round trip; the
	 * throughput is measured up to {@code now} (epoch ms).
	 */
	List<GroupStats> groupStats(String queue, List<String> groups, long now);

	/** Add a queue to the registry of known queues. */
	CompletableFuture<Void> addQueue(String queue);

	/** The registry of known queues, unsorted. */
	List<String> queues();

	/**
	 * Write a worker pool's presence on the queue (see {@link RedisKeys}), seen at
	 * {@code pool.seenAt()}.
	 * @param heartbeat how often the pool writes it again, which tells readers when it is
	 * stale
	 */
	CompletableFuture<Void> writePresence(String queue, WorkerInfo pool, Duration heartbeat);

	/** Remove a worker pool's presence from the queue, as the pool stops. */
	void removePresence(String queue, String instance, String pool);

	/**
	 * Tell in the queue's event stream (with history on) that a pool joined it.
	 * @param queue the queue
	 * @param instance the pool's instance
	 * @param pool the pool's name
	 * @return when it is told
	 */
	CompletableFuture<Void> announcePool(String queue, String instance, String pool);

	/**
	 * The worker pools present on the queue at {@code now} (epoch ms), unsorted; stale
	 * and unreadable presences are left out and removed.
	 */
	List<WorkerInfo> presentPools(String queue, long now);

	/**
	 * Whether any worker pool is present on the queue at {@code now} (epoch ms), without
	 * waiting; stale presences do not count (and are left for {@link #presentPools} to
	 * remove).
	 */
	CompletableFuture<Boolean> hasPresentPool(String queue, long now);

	/** Delete every dead task, in bounded chunks; returns how many. */
	long purgeDead(String queue);

	/**
	 * Delete finished tasks in the given states that finished at or before a time, in
	 * bounded chunks; returns how many.
	 */
	long removeFinished(String queue, List<String> states, long finishedAtOrBefore);

	/**
	 * Remove a queue and every key of it (see {@code queue-remove.lua}) in bounded calls,
	 * then its entries in the registries of queues and of schedule queues.
	 * @param withTasks whether waiting, delayed, running and dead tasks go too
	 * @return how many tasks were removed
	 * @throws dev.cleo.queue.QueueNotEmptyException when {@code withTasks} is false and
	 * such tasks exist
	 */
	long removeQueue(String queue, boolean withTasks);

	/**
	 * The outcome of one {@link #moveWaiting} call.
	 *
	 * @param moved the tasks moved to another group
	 * @param stayed the given tasks still waiting in the group
	 */
	record GroupMoves(long moved, long stayed) {

	}

}
