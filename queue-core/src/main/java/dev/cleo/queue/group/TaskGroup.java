/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

import java.util.List;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.redis.GroupSettingChange;

/**
 * One group of a queue, from {@link QueueGroups#group(String)}: pause and resume it, and
 * set its own priority, maximum size and rate limit in place of the queue's. Every
 * instance follows them from its next claim or enqueue.
 */
public final class TaskGroup {

	private final QueueGroups groups;

	private final String name;

	TaskGroup(QueueGroups groups, String name) {
		this.groups = groups;
		this.name = name;
	}

	/**
	 * The group's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Pause the group: no instance starts its tasks until it is resumed; its running
	 * tasks finish, enqueueing to it goes on, and other groups run as before.
	 */
	public void pause() {
		this.groups.admin().setGroupPaused(this.groups.queue(), this.name, true);
	}

	/**
	 * Resume the group if paused; its waiting tasks take their turns again at once.
	 */
	public void resume() {
		this.groups.admin().setGroupPaused(this.groups.queue(), this.name, false);
	}

	/**
	 * Whether the group is paused.
	 * @return true while paused
	 */
	public boolean isPaused() {
		return this.groups.admin().isGroupPaused(this.groups.queue(), this.name);
	}

	/**
	 * Set the group's priority, which {@link GroupProcessingStrategy#PRIORITY} follows:
	 * higher first.
	 * @param priority 0 (the default) to 1000
	 * @throws InvalidTaskOptionException when the priority is out of range
	 */
	public void setPriority(int priority) {
		if (priority < 0 || priority > 1000) {
			throw new InvalidTaskOptionException("group priority must be between 0 and 1000, was " + priority);
		}
		this.groups.write(new GroupSettingChange.OwnPriority(this.name, priority));
	}

	/**
	 * Bound how many tasks wait in the group, in place of the queue's maximum
	 * ({@link QueueGroups#setMaxSize(int)}).
	 * @param maxSize the most waiting tasks, 1 to 1000000000; 0 for no maximum; -1 to
	 * follow the queue's maximum again
	 * @throws InvalidTaskOptionException when the size is out of range
	 */
	public void setMaxSize(int maxSize) {
		this.groups.write(
				new GroupSettingChange.OwnMaxSize(this.name, (maxSize == -1) ? -1 : QueueGroups.checkMaxSize(maxSize)));
	}

	/**
	 * Limit how often the group starts tasks, in place of the queue's limit
	 * ({@link QueueGroups#setRateLimit(GroupRateLimit)}).
	 * @param limit the limit, or {@code null} to follow the queue's limit again
	 */
	public void setRateLimit(GroupRateLimit limit) {
		this.groups.write(new GroupSettingChange.OwnRateLimit(this.name, limit));
	}

	/**
	 * The rate limit that applies to the group: its own, else the queue's.
	 * @return the limit, or {@code null} when none applies
	 */
	public GroupRateLimit rateLimit() {
		return this.groups.admin().groupRateLimit(this.groups.queue(), this.name);
	}

	/**
	 * The group's statistics across every instance: waiting and running tasks now,
	 * completed tasks, failed attempts, dead tasks, attempt durations and throughput. See
	 * {@link GroupStats} for what each counts and how long it is kept.
	 * @return its stats; zeros for a group with no recorded attempts
	 */
	public GroupStats stats() {
		return this.groups.stats(List.of(this.name)).get(0);
	}

}
