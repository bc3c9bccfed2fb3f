/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import dev.cleo.queue.event.TaskEventBus;
import dev.cleo.queue.event.TaskEventStreams;
import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.history.TaskHistoryService;
import dev.cleo.queue.observation.MicrometerTaskObservations;
import dev.cleo.queue.observation.TaskObservations;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.RedisEndpoint;
import dev.cleo.queue.redis.RedisHistoryStore;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.redis.RedisQueueAdminStore;
import dev.cleo.queue.redis.RedisScheduleStore;
import dev.cleo.queue.redis.RedisTaskStore;
import io.micrometer.observation.ObservationRegistry;

/**
 * Builds a {@link QueueManager} on a Redis URI or on a Lettuce client the application
 * configured (standalone, Sentinel or Cluster; ACL, TLS and timeouts as set on that
 * client), either given as a {@link RedisEndpoint}.
 */
public final class QueueManagerBuilder {

	/** The default largest payload: 1 MiB. */
	public static final long DEFAULT_MAX_PAYLOAD_SIZE = 1024 * 1024;

	private static final long MIN_PAYLOAD_LIMIT = 1024;

	private static final long MAX_PAYLOAD_LIMIT = 512L * 1024 * 1024;

	private RedisEndpoint endpoint;

	private String keyPrefix = "cleo";

	private TaskSerializer serializer = new JacksonTaskSerializer();

	private Clock clock = Clock.systemUTC();

	private Retention retention = Retention.defaults();

	private Duration commandTimeout = Duration.ofSeconds(5);

	private int maxLogLines = 100;

	private String workerId = defaultWorkerId();

	private Duration completionCheckInterval = Duration.ofSeconds(1);

	private long maxPayloadSize = DEFAULT_MAX_PAYLOAD_SIZE;

	private HistoryOptions history = HistoryOptions.defaults();

	/** Held as Cleo's own type, so that Micrometer stays optional on the class path. */
	private TaskObservations observations = TaskObservations.NONE;

	QueueManagerBuilder() {
	}

	/**
	 * Connect to a Redis URI, for example {@code redis://user:secret@localhost:6379/0} or
	 * {@code rediss://...} for TLS; the manager owns and closes the client. Short for
	 * {@code redis(RedisEndpoint.uri(uri))}.
	 * @param uri the URI
	 * @return this builder
	 */
	public QueueManagerBuilder redisUri(String uri) {
		return redis(RedisEndpoint.uri(uri));
	}

	/**
	 * Connect to Redis: a URI, or a standalone, Sentinel or Cluster client the
	 * application configured ({@link RedisEndpoint#client},
	 * {@link RedisEndpoint#cluster}) and keeps owning.
	 * @param endpoint where Redis is
	 * @return this builder
	 */
	public QueueManagerBuilder redis(RedisEndpoint endpoint) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
		return this;
	}

	/**
	 * @param keyPrefix the prefix of every key (default {@code cleo})
	 * @return this builder
	 */
	public QueueManagerBuilder keyPrefix(String keyPrefix) {
		new RedisKeys(keyPrefix);
		this.keyPrefix = keyPrefix;
		return this;
	}

	/**
	 * @param serializer payload and result conversion
	 * @return this builder
	 */
	public QueueManagerBuilder serializer(TaskSerializer serializer) {
		this.serializer = Objects.requireNonNull(serializer, "serializer must not be null");
		return this;
	}

	/**
	 * @param clock the clock (tests pass a fixed or offset one)
	 * @return this builder
	 */
	public QueueManagerBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		return this;
	}

	/**
	 * @param retention how long finished tasks are kept
	 * @return this builder
	 */
	public QueueManagerBuilder retention(Retention retention) {
		this.retention = Objects.requireNonNull(retention, "retention must not be null");
		return this;
	}

	/**
	 * How long a call waits for Redis before it fails with
	 * {@link QueueUnavailableException}.
	 * @param commandTimeout from 10 ms to 5 minutes (default 5 s)
	 * @return this builder
	 */
	public QueueManagerBuilder commandTimeout(Duration commandTimeout) {
		if (commandTimeout == null || commandTimeout.toMillis() < 10 || commandTimeout.toMinutes() > 5) {
			throw new InvalidTaskOptionException(
					"commandTimeout must be between 10 ms and 5 minutes, was " + commandTimeout);
		}
		this.commandTimeout = commandTimeout;
		return this;
	}

	/**
	 * @param maxLogLines how many log lines a task keeps, 1 to 10000 (default 100)
	 * @return this builder
	 */
	public QueueManagerBuilder maxLogLines(int maxLogLines) {
		if (maxLogLines < 1 || maxLogLines > 10_000) {
			throw new InvalidTaskOptionException("maxLogLines must be between 1 and 10000, was " + maxLogLines);
		}
		this.maxLogLines = maxLogLines;
		return this;
	}

	/**
	 * @param workerId this process's id in task records (default host and pid)
	 * @return this builder
	 */
	public QueueManagerBuilder workerId(String workerId) {
		this.workerId = Objects.requireNonNull(workerId, "workerId must not be null");
		return this;
	}

	/**
	 * How often the tasks behind pending {@link TaskHandle#completion()} futures are
	 * read, in one call per queue and only while any are pending. Tasks enqueued with
	 * {@link TaskOptions#notifyOnFinish(boolean)} complete their futures at once; the
	 * others (and announcements lost to a reconnect) are found by this check.
	 * @param interval from 10 ms to 10 minutes (default 1 s)
	 * @return this builder
	 */
	public QueueManagerBuilder completionCheckInterval(Duration interval) {
		if (interval == null || interval.toMillis() < 10 || interval.toMinutes() > 10) {
			throw new InvalidTaskOptionException(
					"completionCheckInterval must be between 10 ms and 10 minutes, was " + interval);
		}
		this.completionCheckInterval = interval;
		return this;
	}

	/**
	 * The largest payload a task may carry: its JSON in UTF-8 bytes. Every enqueue
	 * (single, batched, asynchronous, from a handler) and every schedule checks it before
	 * anything is sent to Redis, and refuses a larger one with
	 * {@link PayloadTooLargeException}; a batch with one such task is refused whole.
	 * Keeps one caller from filling Redis and the workers' heaps: store large data
	 * elsewhere and pass a reference.
	 * @param bytes from 1 KiB (1024) to 512 MiB (536870912, Redis's largest string);
	 * default 1 MiB (1048576)
	 * @return this builder
	 * @throws InvalidTaskOptionException when the size is out of range
	 */
	public QueueManagerBuilder maxPayloadSize(long bytes) {
		if (bytes < MIN_PAYLOAD_LIMIT || bytes > MAX_PAYLOAD_LIMIT) {
			throw new InvalidTaskOptionException("maxPayloadSize must be between 1 KiB (1024 bytes) and 512 MiB "
					+ "(536870912 bytes), was " + bytes + " bytes");
		}
		this.maxPayloadSize = bytes;
		return this;
	}

	/**
	 * What is recorded of the tasks' lives (events, attempt records, statistics) and how
	 * much of it Redis keeps; default {@link HistoryOptions#defaults()}, on.
	 * @param history the options; {@link HistoryOptions#off()} records nothing
	 * @return this builder
	 */
	public QueueManagerBuilder history(HistoryOptions history) {
		this.history = Objects.requireNonNull(history, "history must not be null");
		return this;
	}

	/**
	 * Observe enqueues ({@code cleo.enqueue}) and attempts ({@code cleo.attempt}) on a
	 * Micrometer registry, and carry the trace context from one to the other: the headers
	 * that the registry's tracing handler writes at enqueue are stored with the task and
	 * continued by its attempts, on whatever instance runs them. Needs
	 * {@code io.micrometer:micrometer-observation} on the class path.
	 * @param registry the registry (default {@link ObservationRegistry#NOOP}: nothing
	 * observed, no headers stored)
	 * @return this builder
	 */
	public QueueManagerBuilder observationRegistry(ObservationRegistry registry) {
		return observationRegistry(registry, true);
	}

	/**
	 * Observe enqueues and attempts on a registry, as {@link #observationRegistry},
	 * saying whether it traces. Only a tracing registry's claims read the headers stored
	 * with each task, so one that only times (Spring Boot's without a tracer) leaves the
	 * claim script as it is without observations.
	 * @param registry the registry
	 * @param tracing whether a tracing handler on the registry writes and reads trace
	 * headers (Micrometer Tracing's propagating handlers)
	 * @return this builder
	 */
	public QueueManagerBuilder observationRegistry(ObservationRegistry registry, boolean tracing) {
		this.observations = MicrometerTaskObservations.of(Objects.requireNonNull(registry, "registry must not be null"),
				tracing);
		return this;
	}

	/**
	 * Connect and build the manager.
	 * @return the manager
	 * @throws QueueUnavailableException when Redis cannot be reached
	 */
	public QueueManager build() {
		if (this.endpoint == null) {
			throw new IllegalStateException("No Redis configured: call redis(...) or redisUri(...) before build()");
		}
		RedisConnector connector = RedisConnector.open(this.endpoint);
		RedisKeys keys = new RedisKeys(this.keyPrefix);
		RedisTaskStore store = new RedisTaskStore(connector, keys, this.clock, this.commandTimeout,
				this.observations.readsHeaders(), this.history);
		RedisQueueAdminStore admin = new RedisQueueAdminStore(connector, keys, this.commandTimeout, this.history);
		RedisHistoryStore historyStore = new RedisHistoryStore(connector, keys, this.commandTimeout);
		TaskHistoryService history = new TaskHistoryService(historyStore, admin::queues, this.history, this.clock,
				this.commandTimeout);
		TaskEventStreams streams = new TaskEventStreams(historyStore, admin::queues, this.history.enabled(),
				this.commandTimeout);
		return new QueueManager(new QueueEngine(connector, store, admin, this.serializer, new TaskEventBus(),
				this.clock, this.retention, this.commandTimeout, this.maxLogLines, this.workerId,
				this.completionCheckInterval, new RedisScheduleStore(connector, keys, this.commandTimeout),
				this.maxPayloadSize, this.observations, history, streams, this.history.maxErrorLength()));
	}

	private static String defaultWorkerId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
		return host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}
