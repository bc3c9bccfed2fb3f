/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.test.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Builds the managers of one test on the test's Redis, and the lower-level handles some
 * tests use beside them (a task store of their own, plain Redis commands), and closes it
 * all, newest first, when the test ends. A test gets one as a parameter in a
 * {@link QueueManagerTest} class.
 */
public final class QueueManagers implements AutoCloseable {

	private final RedisServer redis;

	private final Deque<AutoCloseable> built = new ArrayDeque<>();

	private QueueManager standard;

	QueueManagers(RedisServer redis) {
		this.redis = redis;
	}

	/**
	 * The test's manager with the builder's defaults: the one a {@link QueueManager}
	 * parameter gets, built on first use.
	 * @return the manager
	 */
	synchronized QueueManager standard() {
		if (this.standard == null) {
			this.standard = build();
		}
		return this.standard;
	}

	/**
	 * A further manager with the builder's defaults.
	 * @return a new manager, closed after the test
	 */
	public QueueManager build() {
		return build((builder) -> {
		});
	}

	/**
	 * A manager with settings of the test's own, for example a clock, a worker id or a
	 * Cluster client in place of the test's Redis URI.
	 * @param customizer changes the builder, which already has the Redis URI
	 * @return a new manager, closed after the test
	 */
	public QueueManager build(Consumer<QueueManagerBuilder> customizer) {
		QueueManagerBuilder builder = QueueManager.builder().redisUri(this.redis.uri());
		customizer.accept(builder);
		return track(builder.build());
	}

	/**
	 * A task store on a connection of its own, under the managers' default prefix, for
	 * claiming and acking tasks without a worker pool.
	 * @param clock the store's clock
	 * @return the store, its connection closed after the test
	 */
	public RedisTaskStore taskStore(Clock clock) {
		RedisConnector connector = track(RedisConnector.of(RedisClient.create(this.redis.uri()), true));
		return new RedisTaskStore(connector, new RedisKeys("cleo"), clock, Duration.ofSeconds(5));
	}

	/**
	 * Plain Redis commands, for reading and writing keys as an operator would.
	 * @return the commands of a connection closed after the test
	 */
	public RedisCommands<String, String> redisCommands() {
		RedisClient client = track(this.redis.newClient());
		return track(client.connect()).sync();
	}

	/**
	 * Closes something else the test opened, such as a client, with the managers.
	 * @param <T> its type
	 * @param resource the resource
	 * @return the resource
	 */
	public <T extends AutoCloseable> T track(T resource) {
		synchronized (this.built) {
			this.built.push(resource);
		}
		return resource;
	}

	/**
	 * Closes every manager built so far, newest first; the first failure is thrown once
	 * all had their turn.
	 */
	@Override
	public void close() throws Exception {
		Exception failure = null;
		for (AutoCloseable resource = poll(); resource != null; resource = poll()) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private AutoCloseable poll() {
		synchronized (this.built) {
			return this.built.poll();
		}
	}

}
