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
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.redis.RedisQueueAdminStore;
import dev.cleo.queue.redis.RedisScheduleStore;
import dev.cleo.queue.redis.RedisTaskStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;

/**
 * Builds a {@link QueueManager} on a Redis URI or on a Lettuce client the application
 * configured (standalone, Sentinel or Cluster; ACL, TLS and timeouts as set on that
 * client).
 */
public final class QueueManagerBuilder {

	private RedisConnectorFactory connectorFactory;

	private String keyPrefix = "cleo";

	private TaskSerializer serializer = new JacksonTaskSerializer();

	private Clock clock = Clock.systemUTC();

	private Retention retention = Retention.defaults();

	private Duration commandTimeout = Duration.ofSeconds(5);

	private int maxLogLines = 100;

	private String workerId = defaultWorkerId();

	private Duration completionCheckInterval = Duration.ofSeconds(1);

	QueueManagerBuilder() {
	}

	/**
	 * Connect to a Redis URI, for example {@code redis://user:secret@localhost:6379/0} or
	 * {@code rediss://...} for TLS; the manager owns and closes the client.
	 * @param uri the URI
	 * @return this builder
	 */
	public QueueManagerBuilder redisUri(String uri) {
		RedisURI parsed = RedisURI.create(uri);
		this.connectorFactory = () -> RedisConnector.of(RedisClient.create(parsed), true);
		return this;
	}

	/**
	 * Use a standalone or Sentinel client; the application keeps ownership of it.
	 * @param client the client
	 * @return this builder
	 */
	public QueueManagerBuilder redisClient(RedisClient client) {
		Objects.requireNonNull(client, "client must not be null");
		this.connectorFactory = () -> RedisConnector.of(client, false);
		return this;
	}

	/**
	 * Use a Cluster client; the application keeps ownership of it.
	 * @param client the client
	 * @return this builder
	 */
	public QueueManagerBuilder redisClusterClient(RedisClusterClient client) {
		Objects.requireNonNull(client, "client must not be null");
		this.connectorFactory = () -> RedisConnector.of(client, false);
		return this;
	}

	/**
	 * @param keyPrefix the prefix of every key (default {@code cleo}) @return this
	 * builder
	 */
	public QueueManagerBuilder keyPrefix(String keyPrefix) {
		new RedisKeys(keyPrefix);
		this.keyPrefix = keyPrefix;
		return this;
	}

	/**
	 * @param serializer payload and result conversion @return this builder
	 */
	public QueueManagerBuilder serializer(TaskSerializer serializer) {
		this.serializer = Objects.requireNonNull(serializer, "serializer must not be null");
		return this;
	}

	/**
	 * @param clock the clock (tests pass a fixed or offset one) @return this builder
	 */
	public QueueManagerBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		return this;
	}

	/**
	 * @param retention how long finished tasks are kept @return this builder
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
	 * @param maxLogLines how many log lines a task keeps, 1 to 10000 (default
	 * 100) @return this builder
	 */
	public QueueManagerBuilder maxLogLines(int maxLogLines) {
		if (maxLogLines < 1 || maxLogLines > 10_000) {
			throw new InvalidTaskOptionException("maxLogLines must be between 1 and 10000, was " + maxLogLines);
		}
		this.maxLogLines = maxLogLines;
		return this;
	}

	/**
	 * @param workerId this process's id in task records (default host and pid) @return
	 * this builder
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
	 * Connect and build the manager.
	 * @return the manager
	 * @throws QueueUnavailableException when Redis cannot be reached
	 */
	public QueueManager build() {
		if (this.connectorFactory == null) {
			throw new IllegalStateException("No Redis configured: call redisUri(...), redisClient(...) or "
					+ "redisClusterClient(...) before build()");
		}
		RedisConnector connector;
		try {
			connector = this.connectorFactory.connect();
		}
		catch (RedisConnectionException ex) {
			throw new QueueUnavailableException("Could not connect to Redis: " + ex.getMessage(), ex);
		}
		RedisKeys keys = new RedisKeys(this.keyPrefix);
		RedisTaskStore store = new RedisTaskStore(connector, keys, this.clock, this.commandTimeout);
		RedisQueueAdminStore admin = new RedisQueueAdminStore(connector, keys, this.commandTimeout);
		return new QueueManager(new QueueEngine(connector, store, admin, this.serializer, new TaskEventBus(),
				this.clock, this.retention, this.commandTimeout, this.maxLogLines, this.workerId,
				this.completionCheckInterval, new RedisScheduleStore(connector, keys, this.commandTimeout)));
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

	@FunctionalInterface
	private interface RedisConnectorFactory {

		RedisConnector connect();

	}

}
