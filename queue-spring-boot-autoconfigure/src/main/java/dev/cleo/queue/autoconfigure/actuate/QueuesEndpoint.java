/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.cleo.queue.DeadLetterQueue;
import dev.cleo.queue.GroupInfo;
import dev.cleo.queue.GroupOrder;
import dev.cleo.queue.GroupOverflow;
import dev.cleo.queue.GroupProcessingStrategy;
import dev.cleo.queue.GroupRateLimit;
import dev.cleo.queue.GroupSettings;
import dev.cleo.queue.GroupStats;
import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueInfo;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.WorkerInfo;

/**
 * The {@code queues} endpoint: every queue with its counts, paused flag, worker pools and
 * instances ({@code GET /actuator/queues}), one queue in detail ({@code GET
 * /actuator/queues/{name}}; both with each queue's first groups and their stats, its
 * schedules and its first delayed tasks), and the administrative actions ({@code POST
 * /actuator/queues/{name}/{action}}: {@code pause}, {@code resume},
 * {@code retry-dead-letters} with an optional {@code maxJobs},
 * {@code purge-dead-letters}, and {@code pause-schedule}, {@code resume-schedule},
 * {@code delete-schedule}, {@code trigger-schedule} with the {@code schedule} named in
 * the body), which are refused with 403 unless
 * {@code cleo.actuator.write-operations.enabled=true}.
 */
@Endpoint(id = "queues")
public class QueuesEndpoint {

	/** How many dead letters a retry takes when the request names no {@code maxJobs}. */
	static final int DEFAULT_RETRY_MAX_JOBS = 1000;

	/** The most groups a queue's description lists. */
	static final int GROUPS_LISTED = 100;

	/** The most delayed tasks a queue's description lists, soonest due first. */
	static final int DELAYED_LISTED = 100;

	/** HTTP 403: the actions are switched off. */
	private static final int STATUS_FORBIDDEN = 403;

	private final QueueManager manager;

	private final CleoActuatorProperties properties;

	/**
	 * Create the endpoint.
	 * @param manager the queue manager
	 * @param properties the endpoint settings
	 */
	public QueuesEndpoint(QueueManager manager, CleoActuatorProperties properties) {
		this.manager = manager;
		this.properties = properties;
	}

	/**
	 * Every queue known under the key prefix.
	 * @return the queues and the instances serving any of them
	 */
	@ReadOperation
	public QueuesDescriptor queues() {
		List<QueueDescriptor> queues = this.manager.queues().stream().map(this::describe).toList();
		List<String> instances = queues.stream()
			.flatMap((queue) -> queue.instances().stream())
			.distinct()
			.sorted()
			.toList();
		return new QueuesDescriptor(queues, instances);
	}

	/**
	 * One queue.
	 * @param name the queue
	 * @return its description
	 */
	@ReadOperation
	public QueueDescriptor queue(@Selector String name) {
		return describe(name);
	}

	/**
	 * Run an administrative action on a queue or one of its schedules.
	 * @param name the queue
	 * @param action {@code pause}, {@code resume}, {@code retry-dead-letters},
	 * {@code purge-dead-letters}, {@code pause-schedule}, {@code resume-schedule},
	 * {@code delete-schedule} or {@code trigger-schedule}
	 * @param maxJobs for {@code retry-dead-letters}: how many at most (default
	 * {@value #DEFAULT_RETRY_MAX_JOBS})
	 * @param schedule for the schedule actions: the schedule's name
	 * @return the outcome; 403 when write operations are off, 400 for an unknown action
	 * or a schedule action without a schedule, 404 for an unknown schedule
	 */
	@WriteOperation
	public WebEndpointResponse<QueueActionResult> act(@Selector String name, @Selector String action,
			@Nullable Integer maxJobs, @Nullable String schedule) {
		if (!this.properties.getWriteOperations().isEnabled()) {
			return new WebEndpointResponse<>(
					QueueActionResult.refused(name, action,
							"Write operations of the queues endpoint are disabled; "
									+ "set cleo.actuator.write-operations.enabled=true to allow them"),
					STATUS_FORBIDDEN);
		}
		QueueAction parsed = QueueAction.from(action);
		if (parsed == null) {
			return new WebEndpointResponse<>(QueueActionResult.refused(name, action,
					"Unknown action '" + action + "'; use pause, resume, retry-dead-letters, "
							+ "purge-dead-letters, pause-schedule, resume-schedule, delete-schedule "
							+ "or trigger-schedule"),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		if (parsed.onSchedule()) {
			return new ScheduleActions(this.manager.schedules()).run(name, parsed, schedule);
		}
		return new WebEndpointResponse<>(run(name, parsed, maxJobs));
	}

	private QueueActionResult run(String name, QueueAction action, @Nullable Integer maxJobs) {
		DeadLetterQueue deadLetters = this.manager.deadLetters(name);
		return switch (action) {
			case PAUSE -> {
				this.manager.pause(name);
				yield QueueActionResult.done(name, action, 0);
			}
			case RESUME -> {
				this.manager.resume(name);
				yield QueueActionResult.done(name, action, 0);
			}
			case RETRY_DEAD_LETTERS -> QueueActionResult.done(name, action,
					deadLetters.retryAll((maxJobs != null) ? maxJobs : DEFAULT_RETRY_MAX_JOBS).size());
			case PURGE_DEAD_LETTERS -> QueueActionResult.done(name, action, deadLetters.purge());
			default -> throw new IllegalArgumentException("Not a queue action: " + action.value());
		};
	}

	private QueueDescriptor describe(String name) {
		QueueInfo info = this.manager.queueInfo(name);
		List<GroupInfo> listed = this.manager.groups(name, GROUPS_LISTED);
		GroupsDescriptor groups = GroupsDescriptor.of(this.manager.groupSettings(name), listed, stats(name, listed));
		List<ScheduleDescriptor> schedules = this.manager.schedules()
			.list(name)
			.stream()
			.map(ScheduleDescriptor::of)
			.toList();
		List<DelayedTaskDescriptor> delayed = this.manager.schedules()
			.delayed(name, DELAYED_LISTED)
			.stream()
			.map(DelayedTaskDescriptor::of)
			.toList();
		return new QueueDescriptor(info.name(), info.paused(), info.counts(), info.counts().dead(), info.workers(),
				info.instances(), groups, schedules, delayed);
	}

	/** The listed groups' stats: one more round trip, bounded by the groups listed. */
	private Map<String, GroupStats> stats(String queue, List<GroupInfo> listed) {
		Map<String, GroupStats> stats = new LinkedHashMap<>();
		if (!listed.isEmpty()) {
			this.manager.groupStats(queue, listed.stream().map(GroupInfo::name).toList())
				.forEach((group) -> stats.put(group.group(), group));
		}
		return stats;
	}

	/**
	 * All queues.
	 *
	 * @param queues each queue
	 * @param instances the instances whose worker pools serve any queue
	 */
	public record QueuesDescriptor(List<QueueDescriptor> queues, List<String> instances) {

	}

	/**
	 * One queue.
	 *
	 * @param name the queue
	 * @param paused whether claiming from it is paused
	 * @param counts its tasks by state
	 * @param deadLetters the size of its dead-letter queue
	 * @param workers the worker pools serving it, on every instance
	 * @param instances the instances of those pools
	 * @param groups its groups
	 * @param schedules its schedules, by next fire time (paused ones last)
	 * @param delayed its delayed tasks with their due times, soonest first (the first
	 * {@value QueuesEndpoint#DELAYED_LISTED}; {@code counts.delayed} has them all)
	 */
	public record QueueDescriptor(String name, boolean paused, QueueCounts counts, long deadLetters,
			List<WorkerInfo> workers, List<String> instances, GroupsDescriptor groups,
			List<ScheduleDescriptor> schedules, List<DelayedTaskDescriptor> delayed) {

	}

	/**
	 * A queue's groups.
	 *
	 * @param strategy how the next group is chosen
	 * @param concurrency how many tasks of one group run at once
	 * @param order the order in which each group's tasks start
	 * @param maxSize the most waiting tasks per group, 0 for no maximum
	 * @param overflow what enqueueing to a full group does
	 * @param rateLimit how often each group may start tasks, {@code null} for no limit
	 * @param heldForRetries whether a task waiting for its retry holds its group
	 * @param listed the groups with waiting or running tasks, paused, held by a retry or
	 * out of rate, by name (the first {@value QueuesEndpoint#GROUPS_LISTED})
	 * @param stats the listed groups' statistics (completed, failed attempts, dead,
	 * durations, throughput), by group
	 */
	public record GroupsDescriptor(GroupProcessingStrategy strategy, int concurrency, GroupOrder order, int maxSize,
			GroupOverflow overflow, @Nullable GroupRateLimit rateLimit, boolean heldForRetries, List<GroupInfo> listed,
			Map<String, GroupStats> stats) {

		static GroupsDescriptor of(GroupSettings settings, List<GroupInfo> listed, Map<String, GroupStats> stats) {
			return new GroupsDescriptor(settings.strategy(), settings.concurrency(), settings.order(),
					settings.maxSize(), settings.overflow(), settings.rateLimit(), settings.heldForRetries(), listed,
					stats);
		}

	}

}
