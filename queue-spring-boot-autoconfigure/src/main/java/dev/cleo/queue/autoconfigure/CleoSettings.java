/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Retention;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskPriority;
import dev.cleo.queue.autoconfigure.BackoffProperties.BackoffType;
import dev.cleo.queue.autoconfigure.aop.BackoffSpec;
import dev.cleo.queue.autoconfigure.aop.TaskMethodDefaults;
import dev.cleo.queue.worker.WorkerThreads;

import org.springframework.boot.autoconfigure.context.LifecycleProperties;

/**
 * {@link CleoProperties} merged once into what the core takes: the {@link TaskOptions} of
 * each queue ({@code cleo.defaults} overridden by {@code cleo.queues.<name>}) and the
 * overrides of single tasks ({@code cleo.tasks.<task-id>}), the {@link Retention}, and
 * the worker settings. Immutable after construction; the core never sees a properties
 * class.
 */
public final class CleoSettings implements TaskMethodDefaults {

	/**
	 * The most groups of one queue that may get meters: each adds 8 time series.
	 */
	public static final int MAX_METERED_GROUPS = 100;

	private final CleoProperties properties;

	private final TaskOptions defaults;

	private final WorkerThreads threads;

	private final Map<String, TaskOptions> byQueue = new ConcurrentHashMap<>();

	private final PerTaskOverrides byTask;

	private final Map<String, List<String>> meteredGroups;

	private final ScheduleSettings schedules;

	private final Duration shutdownTimeout;

	/**
	 * Merge the properties, for an application without a name.
	 * @param properties the bound properties; not changed afterwards
	 * @param virtualThreadsEnabled whether {@code spring.threads.virtual.enabled} is true
	 * @throws InvalidTaskOptionException when a value is out of range, naming the
	 * property
	 */
	public CleoSettings(CleoProperties properties, boolean virtualThreadsEnabled) {
		this(properties, virtualThreadsEnabled, null);
	}

	/**
	 * Merge the properties.
	 * @param properties the bound properties; not changed afterwards
	 * @param virtualThreadsEnabled whether {@code spring.threads.virtual.enabled} is true
	 * @param applicationName {@code spring.application.name}, the default owner of
	 * declared schedules, or {@code null}
	 * @throws InvalidTaskOptionException when a value is out of range, naming the
	 * property
	 */
	public CleoSettings(CleoProperties properties, boolean virtualThreadsEnabled, @Nullable String applicationName) {
		this(properties, virtualThreadsEnabled, applicationName,
				new LifecycleProperties().getTimeoutPerShutdownPhase());
	}

	/**
	 * Merge the properties.
	 * @param properties the bound properties; not changed afterwards
	 * @param virtualThreadsEnabled whether {@code spring.threads.virtual.enabled} is true
	 * @param applicationName {@code spring.application.name}, the default owner of
	 * declared schedules, or {@code null}
	 * @param shutdownPhaseTimeout {@code spring.lifecycle.timeout-per-shutdown-phase},
	 * which the worker pools' shutdown timeout must end before
	 * @throws InvalidTaskOptionException when a value is out of range, naming the
	 * property
	 */
	public CleoSettings(CleoProperties properties, boolean virtualThreadsEnabled, @Nullable String applicationName,
			Duration shutdownPhaseTimeout) {
		this.properties = properties;
		this.schedules = ScheduleSettings.of(properties.getSchedules(), applicationName);
		TaskDefaults defaults = properties.getDefaults();
		this.defaults = apply(TaskOptions.defaults(), "cleo.defaults", defaults.getPriority(), defaults.getRetries(),
				defaults.getBackoff(), defaults.getTimeout(), defaults.getTtl());
		this.threads = resolveThreads(properties.getWorker().getThreads(), virtualThreadsEnabled);
		this.shutdownTimeout = resolveShutdownTimeout(properties.getWorker(), shutdownPhaseTimeout);
		properties.getQueues().keySet().forEach(this::taskOptions);
		this.byTask = new PerTaskOverrides(properties.getTasks());
		this.byTask.ids().forEach((id) -> overrideTask(id, this.defaults));
		this.meteredGroups = meteredGroups(properties.getQueues());
	}

	/**
	 * The options of a queue's tasks before any annotation applies.
	 * @param queue the queue
	 * @return the options, with the queue set
	 */
	@Override
	public TaskOptions taskOptions(String queue) {
		return this.byQueue.computeIfAbsent(queue, this::merge);
	}

	/**
	 * A task's options with what {@code cleo.tasks.<task-id>} sets, which beats the
	 * annotations.
	 * @param taskId the task id
	 * @param annotated the options its annotations and queue resolve to
	 * @return the options with the task's overrides
	 */
	@Override
	public TaskOptions overrideTask(String taskId, TaskOptions annotated) {
		TaskOverrides overrides = this.byTask.get(taskId);
		return (overrides != null) ? apply(annotated, "cleo.tasks." + taskId, overrides) : annotated;
	}

	/**
	 * @return the task ids {@code cleo.tasks} names, as written
	 */
	Collection<String> configuredTaskIds() {
		return this.byTask.ids();
	}

	/**
	 * @return the retention of finished tasks
	 */
	public Retention retention() {
		CleoProperties.Retention retention = this.properties.getRetention();
		return new Retention(retention.getCompletedMaxCount(), retention.getCompletedMaxAge(),
				retention.getDeadMaxCount(), retention.getDeadMaxAge());
	}

	/**
	 * @return the threads worker pools run tasks on
	 */
	public WorkerThreads threads() {
		return this.threads;
	}

	/**
	 * How long the worker pools wait for running tasks at shutdown: below
	 * {@code spring.lifecycle.timeout-per-shutdown-phase}, so that the tasks still
	 * running are handed back before Spring Boot closes the Redis connection.
	 * @return {@code cleo.worker.shutdown-timeout}, or one derived from the phase timeout
	 */
	public Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * @return the key prefix
	 */
	public String keyPrefix() {
		return this.properties.getKeyPrefix();
	}

	/**
	 * The groups whose stats get meters, by queue
	 * ({@code cleo.queues.<name>.groups.metered-groups}).
	 * @return the groups of each queue that names some, without repeats
	 */
	public Map<String, List<String>> meteredGroups() {
		return this.meteredGroups;
	}

	/**
	 * @return the settings of declared schedules ({@code cleo.schedules.*})
	 */
	@Override
	public ScheduleSettings schedules() {
		return this.schedules;
	}

	/**
	 * @return whether calls inside a transaction enqueue when it commits
	 * ({@code cleo.defaults.enqueue-after-commit})
	 */
	@Override
	public boolean enqueueAfterCommit() {
		return this.properties.getDefaults().isEnqueueAfterCommit();
	}

	/**
	 * @return the command timeout
	 */
	public Duration commandTimeout() {
		return this.properties.getCommandTimeout();
	}

	CleoProperties properties() {
		return this.properties;
	}

	private TaskOptions merge(String queue) {
		TaskOptions options = this.defaults.queue(queue);
		QueueOverrides overrides = this.properties.getQueues().get(queue);
		return (overrides != null) ? apply(options, "cleo.queues." + queue, overrides) : options;
	}

	private static TaskOptions apply(TaskOptions options, String prefix, TaskOverrides overrides) {
		return apply(options, prefix, overrides.getPriority(), overrides.getRetries(), overrides.getBackoff(),
				overrides.getTimeout(), overrides.getTtl());
	}

	private static TaskOptions apply(TaskOptions options, String prefix, String priority, Integer retries,
			BackoffProperties backoff, Duration timeout, Duration ttl) {
		try {
			TaskOptions result = (priority != null) ? options.priority(parsePriority(priority)) : options;
			result = (retries != null) ? result.maxAttempts(retries + 1) : result;
			result = (timeout != null) ? result.timeout(timeout) : result;
			result = (ttl != null) ? result.ttl(ttl) : result;
			return result.backoff(BackoffSpec.of(options.backoff()).overriddenBy(spec(backoff)).toBackoff());
		}
		catch (InvalidTaskOptionException ex) {
			throw new InvalidTaskOptionException("Invalid " + prefix + ".*: " + ex.getMessage());
		}
	}

	private static Map<String, List<String>> meteredGroups(Map<String, QueueOverrides> queues) {
		Map<String, List<String>> metered = new LinkedHashMap<>();
		queues.forEach((queue, overrides) -> {
			String property = "cleo.queues." + queue + ".groups.metered-groups";
			List<String> groups = overrides.getGroups().getMeteredGroups().stream().distinct().toList();
			if (groups.size() > MAX_METERED_GROUPS) {
				throw new InvalidTaskOptionException(property + " names " + groups.size() + " groups; at most "
						+ MAX_METERED_GROUPS + " may be metered, each adding 8 time series");
			}
			try {
				groups.forEach(TaskOptions.defaults()::group);
			}
			catch (InvalidTaskOptionException ex) {
				throw new InvalidTaskOptionException("Invalid " + property + ": " + ex.getMessage());
			}
			if (!groups.isEmpty()) {
				metered.put(queue, groups);
			}
		});
		return Collections.unmodifiableMap(metered);
	}

	private static BackoffSpec spec(BackoffProperties backoff) {
		Boolean exponential = (backoff.getType() != null) ? backoff.getType() == BackoffType.EXPONENTIAL : null;
		return new BackoffSpec(exponential, backoff.getDelay(), backoff.getMaxDelay(), backoff.getJitter());
	}

	/**
	 * Read a priority written as {@code high}, {@code normal}, {@code low} or a number.
	 * @param priority the text
	 * @return the numeric priority
	 */
	public static int parsePriority(String priority) {
		String text = priority.trim();
		if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(text);
		}
		try {
			return TaskPriority.valueOf(text.toUpperCase(Locale.ROOT)).value();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTaskOptionException(
					"priority must be high, normal, low or a number from 0 to 1000, was '" + priority + "'");
		}
	}

	private static Duration resolveShutdownTimeout(CleoProperties.Worker worker, Duration phase) {
		// A producer-only instance stops no pools: its timeout is never used.
		Duration configured = worker.getShutdownTimeout();
		return (worker.isEnabled() || configured == null) ? ShutdownTimeout.resolve(configured, phase) : configured;
	}

	private static WorkerThreads resolveThreads(WorkerThreads configured, boolean virtualThreadsEnabled) {
		if (configured != null) {
			return configured;
		}
		if (!virtualThreadsEnabled) {
			return WorkerThreads.AUTO;
		}
		// As Spring Boot does, the property only means something on a JVM with virtual
		// threads; elsewhere it must not break the start.
		return WorkerThreads.virtualThreadsAvailable() ? WorkerThreads.VIRTUAL : WorkerThreads.PLATFORM;
	}

}
