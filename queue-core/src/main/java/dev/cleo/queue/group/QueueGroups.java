/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Names;
import dev.cleo.queue.QueueException;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.Texts;
import dev.cleo.queue.redis.GroupSettingChange;
import dev.cleo.queue.redis.QueueAdminStore;

/**
 * The groups of one queue, from {@link dev.cleo.queue.QueueManager#groups(String)}: the
 * settings every group of the queue follows (concurrency, strategy, order, size,
 * overflow, rate limit, retry holds), the list of its groups, merges, splits and the
 * statistics of several groups at once. Each setting is stored in Redis and followed by
 * every instance from its next claim or enqueue. {@link #group(String)} reaches one
 * group.
 *
 * <pre>{@code
 * QueueGroups groups = queues.groups("orders");
 * groups.setStrategy(GroupProcessingStrategy.PRIORITY);
 * groups.group("vip").setPriority(10);
 * }</pre>
 */
public final class QueueGroups {

	private final QueueAdminStore admin;

	private final Clock clock;

	private final String queue;

	/**
	 * Internal: {@link dev.cleo.queue.QueueManager#groups(String)} builds the groups of a
	 * queue from its own store; applications get them from there.
	 * @param admin the manager's queue-wide store
	 * @param clock the manager's clock
	 * @param queue the queue, checked already
	 */
	public QueueGroups(QueueAdminStore admin, Clock clock, String queue) {
		this.admin = admin;
		this.clock = clock;
		this.queue = queue;
	}

	/**
	 * One group of this queue.
	 * @param name the group
	 * @return the group
	 * @throws InvalidTaskOptionException when the name is not a valid group name
	 */
	public TaskGroup group(String name) {
		return new TaskGroup(this, checkGroup(name));
	}

	/**
	 * Whether Redis holds any group setting of this queue: false before the first one is
	 * written, and after Redis lost its data (a restart without persistence), when every
	 * setting reads as its default again.
	 * @return true once a setting is stored
	 */
	public boolean hasStoredSettings() {
		return this.admin.hasGroupSettings(this.queue);
	}

	/**
	 * The queue's group settings, read in one round trip.
	 * @return the settings, defaults where none is set
	 */
	public GroupSettings settings() {
		return this.admin.groupSettings(this.queue);
	}

	/**
	 * Set how many tasks of any one group of the queue run at once, across every
	 * instance. The default, 1, runs each group's tasks one at a time in the order they
	 * were enqueued; groups take turns.
	 * @param concurrency 1 to 10000
	 * @throws InvalidTaskOptionException when the concurrency is out of range
	 */
	public void setConcurrency(int concurrency) {
		if (concurrency < 1 || concurrency > 10_000) {
			throw new InvalidTaskOptionException("group concurrency must be between 1 and 10000, was " + concurrency);
		}
		write(new GroupSettingChange.Concurrency(concurrency));
	}

	/**
	 * How many tasks of any one group of the queue run at once.
	 * @return the group concurrency, 1 unless set
	 */
	public int concurrency() {
		return settings().concurrency();
	}

	/**
	 * Choose how the queue picks the group whose task runs next; applies from the next
	 * claim on every instance.
	 * @param strategy the strategy
	 */
	public void setStrategy(GroupProcessingStrategy strategy) {
		write(new GroupSettingChange.Strategy(Objects.requireNonNull(strategy)));
	}

	/**
	 * How the queue picks the group whose task runs next.
	 * @return the strategy, {@link GroupProcessingStrategy#ROUND_ROBIN} unless set
	 */
	public GroupProcessingStrategy strategy() {
		return settings().strategy();
	}

	/**
	 * Choose the order in which each group's waiting tasks start: FIFO (the default),
	 * LIFO or by task priority. The order is part of how waiting tasks are stored, so it
	 * can change only while no grouped task of the queue waits.
	 * @param order the order
	 * @throws InvalidTaskOptionException when grouped tasks wait and the order differs
	 */
	public void setOrder(GroupOrder order) {
		write(new GroupSettingChange.Order(Objects.requireNonNull(order)));
	}

	/**
	 * The order in which each group's waiting tasks start.
	 * @return the order, {@link GroupOrder#FIFO} unless set
	 */
	public GroupOrder order() {
		return settings().order();
	}

	/**
	 * Bound how many tasks wait in each group of the queue; what enqueueing beyond it
	 * does is the queue's {@link #setOverflow(GroupOverflow) overflow}. Delayed tasks and
	 * retries count once they are due, and are never refused or dropped then.
	 * {@link TaskGroup#setMaxSize(int)} sets one group's own maximum.
	 * @param maxSize the most waiting tasks per group, 1 to 1000000000; 0 for no maximum
	 * (the default)
	 * @throws InvalidTaskOptionException when the size is out of range
	 */
	public void setMaxSize(int maxSize) {
		write(new GroupSettingChange.MaxSize(checkMaxSize(maxSize)));
	}

	/**
	 * Choose what enqueueing to a full group does: refuse the task with a
	 * {@link GroupFullException} (the default) or drop the group's oldest waiting task.
	 * @param overflow what happens
	 */
	public void setOverflow(GroupOverflow overflow) {
		write(new GroupSettingChange.Overflow(Objects.requireNonNull(overflow)));
	}

	/**
	 * Limit how often each group of the queue starts tasks, across every instance;
	 * {@link TaskGroup#setRateLimit(GroupRateLimit)} sets one group's own limit.
	 * @param limit the limit, or {@code null} for none (the default)
	 */
	public void setRateLimit(GroupRateLimit limit) {
		write(new GroupSettingChange.RateLimit(limit));
	}

	/**
	 * Choose whether a task waiting for its retry holds its group until it ends (the
	 * default, which keeps each group's order across retries) or lets the group's other
	 * tasks go on meanwhile.
	 * @param holds true to hold the group, false to let it move on
	 */
	public void setHeldForRetries(boolean holds) {
		write(new GroupSettingChange.HeldForRetries(holds));
	}

	/**
	 * The groups of the queue that have waiting or running tasks, or are paused or held
	 * by a retry, sorted by name.
	 * @param limit the most groups returned, 1 to 10000
	 * @return the groups, at most {@code limit}
	 */
	public List<GroupInfo> list(int limit) {
		if (limit < 1 || limit > 10_000) {
			throw new InvalidTaskOptionException("limit must be between 1 and 10000, was " + limit);
		}
		return this.admin.groups(this.queue, limit);
	}

	/**
	 * Merge one group of the queue into another, so they share one order and one slot
	 * budget: every task of {@code from} belongs to {@code into} afterwards. Waiting
	 * tasks move with their places, so the two orders interleave as the tasks were
	 * enqueued; running ones count in {@code into}'s slots and free them when they end;
	 * delayed ones and retries join {@code into} when they come due; a retry holding
	 * {@code from} holds {@code into} unless a retry holds it already (then it waits in
	 * line when due, like any task). From then on {@code from} names {@code into} for
	 * good: tasks enqueued to it join {@code into}. Its pause and priority are dropped. A
	 * large group moves in bounded steps; meanwhile its tasks not yet moved wait, and if
	 * the call fails on the way, calling it again finishes the merge.
	 * @param from the group merged away
	 * @param into the group it joins (if it was merged away itself, the group it went
	 * into)
	 * @return how many waiting tasks moved
	 * @throws InvalidTaskOptionException when a name is invalid or both are the same
	 * @throws QueueException when {@code from} was merged into another group already,
	 * {@code into} was merged into {@code from}, or {@code from} is being split
	 */
	public long merge(String from, String into) {
		if (checkGroup(from).equals(checkGroup(into))) {
			throw new InvalidTaskOptionException(
					"Cannot merge group " + Texts.quote(from) + " into itself: name two different groups");
		}
		return this.admin.mergeGroups(this.queue, from, into);
	}

	/**
	 * Split a group of the queue by a key, so that independent work stops waiting behind
	 * each other: each waiting task moves to the group {@code newGroup} names for it
	 * ({@code null} or the same name: it stays), keeping its place, so each part keeps
	 * the group's order. Tasks running now stay counted in the group they started in, and
	 * may run beside tasks of the parts; delayed tasks and retries return to the group.
	 * While a large group is split in bounded steps, none of its tasks starts; a task
	 * that starts or is cancelled between being read and being moved is left where it is.
	 * @param group the group to split
	 * @param newGroup gives a waiting task's new group; called once per task, except
	 * while tasks ahead of it in the group come or go during the split: then a task may
	 * be asked twice, or stay unasked
	 * @return how many tasks moved
	 * @throws InvalidTaskOptionException when a name is invalid, including one
	 * {@code newGroup} returned (the split then ends with the tasks moved so far)
	 * @throws QueueException when the group was merged into another
	 */
	public long split(String group, Function<TaskInfo, String> newGroup) {
		return new GroupSplit(this.admin, this.queue, checkGroup(group), newGroup).run();
	}

	/**
	 * The statistics of several groups of the queue, read in one round trip; see
	 * {@link GroupStats} for what each counts and how long it is kept.
	 * @param groups the groups, 1 to 1000 of them
	 * @return their stats, in the order given
	 * @throws InvalidTaskOptionException when there are no groups, more than 1000, or a
	 * name is invalid
	 */
	public List<GroupStats> stats(List<String> groups) {
		Objects.requireNonNull(groups, "groups");
		if (groups.isEmpty() || groups.size() > 1000) {
			throw new InvalidTaskOptionException(
					"groupStats reads 1 to 1000 groups at a time, was given " + groups.size());
		}
		List<String> checked = groups.stream().map(QueueGroups::checkGroup).toList();
		return this.admin.groupStats(this.queue, checked, this.clock.millis());
	}

	QueueAdminStore admin() {
		return this.admin;
	}

	String queue() {
		return this.queue;
	}

	/** Stores one group setting of the queue, queue-wide or one group's own. */
	void write(GroupSettingChange change) {
		this.admin.writeGroupSetting(this.queue, change);
	}

	static int checkMaxSize(int maxSize) {
		if (maxSize < 0 || maxSize > 1_000_000_000) {
			throw new InvalidTaskOptionException(
					"group max size must be between 1 and 1000000000, or 0 for no maximum, was " + maxSize);
		}
		return maxSize;
	}

	/** The same rules as a task's group name. */
	static String checkGroup(String group) {
		return Names.checkGroup(Objects.requireNonNull(group, "group"));
	}

}
