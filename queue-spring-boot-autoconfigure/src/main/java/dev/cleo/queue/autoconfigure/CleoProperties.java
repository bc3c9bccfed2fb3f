/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cleo.queue.worker.WorkerPoolOptions.QueueSelection;
import dev.cleo.queue.worker.WorkerThreads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Cleo's settings under {@code cleo.*}. The Redis connection itself is Spring Boot's
 * ({@code spring.data.redis.*}). Read once by {@link CleoSettings}, which merges
 * {@code cleo.defaults} with each {@code cleo.queues.<name>} into the core's immutable
 * options. {@code cleo.tasks} is bound flat, as {@code logging.level} is, because task
 * ids hold dots: {@code NotificationService.sendEmail.retries} is one key.
 */
@ConfigurationProperties("cleo")
public class CleoProperties {

	/**
	 * Prefix of every Redis key Cleo writes; instances sharing a prefix share queues.
	 */
	private String keyPrefix = "cleo";

	/**
	 * How long a call waits for Redis before failing (10 ms to 5 min).
	 */
	private Duration commandTimeout = Duration.ofSeconds(5);

	/**
	 * The longest an HTTP request, a health check, a scrape or an Actuator call waits for
	 * Redis before it answers that Redis is unavailable. Keep it well below the command
	 * timeout: request threads must not park while Redis is away.
	 */
	private Duration requestTimeout = Duration.ofSeconds(2);

	/**
	 * The largest payload (its JSON, in bytes) a task may carry; enqueueing a larger one
	 * fails, and the HTTP API answers 413 before reading it.
	 */
	private DataSize maxPayloadSize = DataSize.ofMegabytes(1);

	private final WriteOperations writeOperations = new WriteOperations();

	private final Retention retention = new Retention();

	private final Worker worker = new Worker();

	/**
	 * Task history: attempts, events and statistics.
	 */
	@NestedConfigurationProperty
	private final HistoryProperties history = new HistoryProperties();

	private final Events events = new Events();

	/**
	 * Task options of every queue.
	 */
	@NestedConfigurationProperty
	private final TaskDefaults defaults = new TaskDefaults();

	/**
	 * Recurring tasks declared on @Task methods.
	 */
	@NestedConfigurationProperty
	private final ScheduleProperties schedules = new ScheduleProperties();

	/**
	 * Per-queue settings, by queue name; each holds only what differs from cleo.defaults
	 * and cleo.worker. Naming a queue here also starts workers for it.
	 */
	private final Map<String, QueueOverrides> queues = new LinkedHashMap<>();

	/**
	 * Per-task options, as task-id.option: priority, retries, timeout, ttl and
	 * backoff.type, .delay, .max-delay, .jitter. A task's id is its @Task(id), else
	 * SimpleClassName.method (NotificationService.sendEmail.retries: 6). These beat the
	 * annotations, which beat cleo.queues and cleo.defaults.
	 */
	private final Map<String, String> tasks = new LinkedHashMap<>();

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public Duration getCommandTimeout() {
		return this.commandTimeout;
	}

	public void setCommandTimeout(Duration commandTimeout) {
		this.commandTimeout = commandTimeout;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public DataSize getMaxPayloadSize() {
		return this.maxPayloadSize;
	}

	public void setMaxPayloadSize(DataSize maxPayloadSize) {
		this.maxPayloadSize = maxPayloadSize;
	}

	public WriteOperations getWriteOperations() {
		return this.writeOperations;
	}

	public Retention getRetention() {
		return this.retention;
	}

	public Worker getWorker() {
		return this.worker;
	}

	public TaskDefaults getDefaults() {
		return this.defaults;
	}

	public Map<String, QueueOverrides> getQueues() {
		return this.queues;
	}

	public Map<String, String> getTasks() {
		return this.tasks;
	}

	public ScheduleProperties getSchedules() {
		return this.schedules;
	}

	public HistoryProperties getHistory() {
		return this.history;
	}

	public Events getEvents() {
		return this.events;
	}

	/**
	 * Task events as Spring application events.
	 */
	public static final class Events {

		/**
		 * Which task events reach @EventListener methods taking a TaskEvent:
		 * this-instance (what this instance did, on the thread that did it),
		 * all-instances (every instance's, read from the event streams on a follower
		 * thread; needs history on) or none.
		 */
		private Scope applicationEvents = Scope.THIS_INSTANCE;

		public Scope getApplicationEvents() {
			return this.applicationEvents;
		}

		public void setApplicationEvents(Scope applicationEvents) {
			this.applicationEvents = applicationEvents;
		}

		/**
		 * Which instances' events are published.
		 */
		public enum Scope {

			/** This instance's events. */
			THIS_INSTANCE,

			/** Every instance's events. */
			ALL_INSTANCES,

			/** None. */
			NONE

		}

	}

	/**
	 * Operations that change queues from outside the application's code: the HTTP API's
	 * dead-letter, cleanup and cancel calls and the Actuator endpoint's actions.
	 */
	public static final class WriteOperations {

		/**
		 * Whether those operations run. Off by default: they change what every instance
		 * does. With Spring Security on the classpath they also need the caller to hold
		 * the authority CLEO_ADMIN.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * How long finished tasks are kept in Redis.
	 */
	public static final class Retention {

		/**
		 * How many completed (or cancelled, expired) tasks to keep; 0 removes them at
		 * once.
		 */
		private long completedMaxCount = 10_000;

		/**
		 * How long to keep a completed task.
		 */
		private Duration completedMaxAge = Duration.ofHours(24);

		/**
		 * How many dead tasks to keep.
		 */
		private long deadMaxCount = 100_000;

		/**
		 * How long to keep a dead task.
		 */
		private Duration deadMaxAge = Duration.ofDays(7);

		public long getCompletedMaxCount() {
			return this.completedMaxCount;
		}

		public void setCompletedMaxCount(long completedMaxCount) {
			this.completedMaxCount = completedMaxCount;
		}

		public Duration getCompletedMaxAge() {
			return this.completedMaxAge;
		}

		public void setCompletedMaxAge(Duration completedMaxAge) {
			this.completedMaxAge = completedMaxAge;
		}

		public long getDeadMaxCount() {
			return this.deadMaxCount;
		}

		public void setDeadMaxCount(long deadMaxCount) {
			this.deadMaxCount = deadMaxCount;
		}

		public Duration getDeadMaxAge() {
			return this.deadMaxAge;
		}

		public void setDeadMaxAge(Duration deadMaxAge) {
			this.deadMaxAge = deadMaxAge;
		}

	}

	/**
	 * The worker pools of this instance.
	 */
	public static final class Worker {

		/**
		 * Whether this instance runs tasks; false makes it a producer-only node.
		 */
		private boolean enabled = true;

		/**
		 * Which threads run tasks: auto (virtual when the JVM has them), virtual or
		 * platform. When unset, spring.threads.virtual.enabled=true means virtual.
		 */
		private WorkerThreads threads;

		/**
		 * How long a stop waits for running tasks before handing them back to the queue.
		 * Must be below spring.lifecycle.timeout-per-shutdown-phase, or the start fails.
		 * When unset, that timeout less a margin for the hand-back (a third of it, at
		 * most 5s): 25s with Spring Boot's default of 30s.
		 */
		private Duration shutdownTimeout;

		/**
		 * How long a claimed task stays reserved without a heartbeat; after that another
		 * worker may run it.
		 */
		private Duration lease = Duration.ofSeconds(30);

		/**
		 * How often running tasks' leases are extended; shorter than the lease. Default a
		 * third of the lease.
		 */
		private Duration heartbeat;

		/**
		 * How many tasks a queue's pool runs at once, unless
		 * cleo.queues.<name>.concurrency says otherwise.
		 */
		private int concurrency = 10;

		/**
		 * How long a task whose name has no handler in this application keeps going back
		 * for another worker (another application on the same Redis, a newer instance
		 * during a rolling deploy) before it is dead-lettered, counted from when it
		 * became due. The hand-backs do not count as attempts; 0 dead-letters such tasks
		 * at once.
		 */
		private Duration unknownTaskGrace = Duration.ofMinutes(10);

		/**
		 * Pools serving several queues, by pool name. A queue listed in a pool gets no
		 * pool of its own.
		 */
		private final Map<String, Pool> pools = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public WorkerThreads getThreads() {
			return this.threads;
		}

		public void setThreads(WorkerThreads threads) {
			this.threads = threads;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

		public Duration getHeartbeat() {
			return this.heartbeat;
		}

		public void setHeartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public Duration getUnknownTaskGrace() {
			return this.unknownTaskGrace;
		}

		public void setUnknownTaskGrace(Duration unknownTaskGrace) {
			this.unknownTaskGrace = unknownTaskGrace;
		}

		public Map<String, Pool> getPools() {
			return this.pools;
		}

	}

	/**
	 * A worker pool serving several queues.
	 */
	public static final class Pool {

		/**
		 * The queues served, in order; with strict selection the first with work wins.
		 */
		private List<String> queues = new ArrayList<>();

		/**
		 * How the next queue is chosen: strict (list order) or weighted (by each queue's
		 * cleo.queues.<name>.weight).
		 */
		private QueueSelection selection = QueueSelection.STRICT;

		/**
		 * How many tasks the pool runs at once; default cleo.worker.concurrency.
		 */
		private Integer concurrency;

		public List<String> getQueues() {
			return this.queues;
		}

		public void setQueues(List<String> queues) {
			this.queues = queues;
		}

		public QueueSelection getSelection() {
			return this.selection;
		}

		public void setSelection(QueueSelection selection) {
			this.selection = selection;
		}

		public Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(Integer concurrency) {
			this.concurrency = concurrency;
		}

	}

}
