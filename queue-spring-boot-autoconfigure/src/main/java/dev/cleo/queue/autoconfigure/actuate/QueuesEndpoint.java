/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * /actuator/queues/{name}}; both with each queue's first groups and their stats), and the
 * administrative actions ({@code POST /actuator/queues/{name}/{action}}: {@code pause},
 * {@code resume}, {@code retry-dead-letters} with an optional {@code maxJobs},
 * {@code purge-dead-letters}), which are refused with 403 unless
 * {@code cleo.actuator.write-operations.enabled=true}.
 */
@Endpoint(id = "queues")
public class QueuesEndpoint {

	/** How many dead letters a retry takes when the request names no {@code maxJobs}. */
	static final int DEFAULT_RETRY_MAX_JOBS = 1000;

	/** The most groups a queue's description lists. */
	static final int GROUPS_LISTED = 100;

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
	 * Run an administrative action on a queue.
	 * @param name the queue
	 * @param action {@code pause}, {@code resume}, {@code retry-dead-letters} or
	 * {@code purge-dead-letters}
	 * @param maxJobs for {@code retry-dead-letters}: how many at most (default
	 * {@value #DEFAULT_RETRY_MAX_JOBS})
	 * @return the outcome; 403 when write operations are off, 400 for an unknown action
	 */
	@WriteOperation
	public WebEndpointResponse<QueueActionResult> act(@Selector String name, @Selector String action,
			@Nullable Integer maxJobs) {
		if (!this.properties.getWriteOperations().isEnabled()) {
			return new WebEndpointResponse<>(
					QueueActionResult.refused(name, action,
							"Write operations of the queues endpoint are disabled; "
									+ "set cleo.actuator.write-operations.enabled=true to allow them"),
					STATUS_FORBIDDEN);
		}
		QueueAction parsed = QueueAction.from(action);
		if (parsed == null) {
			return new WebEndpointResponse<>(
					QueueActionResult.refused(name, action,
							"Unknown action '" + action
									+ "'; use pause, resume, retry-dead-letters or purge-dead-letters"),
					WebEndpointResponse.STATUS_BAD_REQUEST);
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
		};
	}

	private QueueDescriptor describe(String name) {
		QueueInfo info = this.manager.queueInfo(name);
		List<GroupInfo> listed = this.manager.groups(name, GROUPS_LISTED);
		GroupsDescriptor groups = GroupsDescriptor.of(this.manager.groupSettings(name), listed, stats(name, listed));
		return new QueueDescriptor(info.name(), info.paused(), info.counts(), info.counts().dead(), info.workers(),
				info.instances(), groups);
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
	 */
	public record QueueDescriptor(String name, boolean paused, QueueCounts counts, long deadLetters,
			List<WorkerInfo> workers, List<String> instances, GroupsDescriptor groups) {

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

	/** The administrative actions. */
	enum QueueAction {

		PAUSE, RESUME, RETRY_DEAD_LETTERS, PURGE_DEAD_LETTERS;

		String value() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static @Nullable QueueAction from(String value) {
			for (QueueAction action : values()) {
				if (action.value().equalsIgnoreCase(value)) {
					return action;
				}
			}
			return null;
		}

	}

}
