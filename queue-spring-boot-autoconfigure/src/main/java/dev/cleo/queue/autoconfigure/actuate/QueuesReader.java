/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cleo.queue.QueueInfo;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskListRequest;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.actuate.QueuesDescriptor.OtherQueues;
import dev.cleo.queue.group.GroupInfo;
import dev.cleo.queue.group.GroupStats;
import dev.cleo.queue.history.StatsQuery;
import dev.cleo.queue.history.StatsTotals;
import dev.cleo.queue.history.TaskHistoryService;

/**
 * Reads what the {@code queues} endpoint shows. Every list in its answers is bounded (the
 * first groups, delayed tasks and other queues), so an answer's size and round trips
 * depend on what the application configured, not on what callers left in Redis. Runs on
 * the threads of {@link dev.cleo.queue.autoconfigure.RedisReads}, never on a request
 * thread. Internal.
 */
final class QueuesReader {

	/** The most groups a queue's description lists. */
	static final int GROUPS_LISTED = 100;

	/** The most delayed tasks a queue's description lists, soonest due first. */
	static final int DELAYED_LISTED = 100;

	/** The most names of other queues the listing shows. */
	static final int OTHERS_LISTED = 100;

	/** The most error patterns a queue's description lists. */
	static final int ERRORS_LISTED = 5;

	private final QueueManager manager;

	private final ApplicationQueues application;

	private final QueueLookup lookup;

	QueuesReader(QueueManager manager, ApplicationQueues application, QueueLookup lookup) {
		this.manager = manager;
		this.application = application;
		this.lookup = lookup;
	}

	QueuesDescriptor all() {
		List<QueueDescriptor> queues = this.application.names().stream().map((name) -> describe(name, false)).toList();
		List<String> instances = queues.stream()
			.flatMap((queue) -> queue.instances().stream())
			.distinct()
			.sorted()
			.toList();
		List<String> others = this.lookup.others();
		return new QueuesDescriptor(queues, instances,
				new OtherQueues(others.size(), others.subList(0, Math.min(OTHERS_LISTED, others.size()))));
	}

	/**
	 * Describe a queue.
	 * @param name the queue
	 * @param withHistory whether to add its last hour of history: two more reads (its
	 * rollups, and its event stream for the errors), made for one queue only
	 * @return the description
	 */
	QueueDescriptor describe(String name, boolean withHistory) {
		QueueInfo info = this.manager.queueInfo(name);
		List<GroupInfo> listed = this.manager.groups(name).list(GROUPS_LISTED);
		GroupsDescriptor groups = GroupsDescriptor.of(this.manager.groups(name).settings(), listed,
				stats(name, listed));
		List<ScheduleDescriptor> schedules = this.manager.schedules()
			.list(name)
			.stream()
			.map(ScheduleDescriptor::of)
			.toList();
		List<DelayedTaskDescriptor> delayed = this.manager.tasks(name)
			.list(TaskState.DELAYED, TaskListRequest.oldestFirst(DELAYED_LISTED))
			.tasks()
			.stream()
			.map(DelayedTaskDescriptor::of)
			.toList();
		return new QueueDescriptor(info.name(), info.paused(), info.counts(), info.counts().dead(), info.workers(),
				info.instances(), groups, schedules, delayed, withHistory ? lastHour(name) : null);
	}

	private QueueHistoryDescriptor lastHour(String queue) {
		TaskHistoryService history = this.manager.history();
		StatsTotals totals = history.getHistoryStats(StatsQuery.lastHour().withQueue(queue)).totals();
		return QueueHistoryDescriptor.of(totals, history.getErrorPatterns(queue, null, null, ERRORS_LISTED));
	}

	/** The listed groups' stats: one more round trip, bounded by the groups listed. */
	private Map<String, GroupStats> stats(String queue, List<GroupInfo> listed) {
		Map<String, GroupStats> stats = new LinkedHashMap<>();
		if (!listed.isEmpty()) {
			this.manager.groups(queue)
				.stats(listed.stream().map(GroupInfo::name).toList())
				.forEach((group) -> stats.put(group.group(), group));
		}
		return stats;
	}

}
