/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * The connections Cleo uses on a Lettuce client: one shared, pipelined connection for all
 * commands, and a dedicated connection per blocking wait (a blocking command would stall
 * the shared one), and the pub/sub connection behind {@link RedisSubscriptions}. Works
 * with a standalone or Sentinel {@link RedisClient} and with a
 * {@link RedisClusterClient}.
 */
public final class RedisConnector implements AutoCloseable {

	/** How much longer than a blocking wait its connection waits for Redis's answer. */
	private static final Duration BLOCKING_MARGIN = Duration.ofSeconds(2);

	private final AbstractRedisClient client;

	private final boolean ownsClient;

	private final Supplier<StatefulConnection<String, String>> connect;

	private final Supplier<StatefulRedisPubSubConnection<String, String>> connectPubSub;

	private final StatefulConnection<String, String> shared;

	private final RedisClusterAsyncCommands<String, String> commands;

	// package-private: tests pass a pub/sub connect that stalls
	RedisConnector(AbstractRedisClient client, boolean ownsClient, Supplier<StatefulConnection<String, String>> connect,
			Supplier<StatefulRedisPubSubConnection<String, String>> connectPubSub) {
		this.client = client;
		this.ownsClient = ownsClient;
		this.connect = connect;
		this.connectPubSub = connectPubSub;
		this.shared = connect.get();
		this.commands = asyncOf(this.shared);
	}

	/**
	 * Connect to an endpoint, as a manager does when it is built.
	 * @param endpoint where Redis is
	 * @return the connector
	 * @throws dev.cleo.queue.QueueUnavailableException when Redis cannot be reached
	 */
	public static RedisConnector open(RedisEndpoint endpoint) {
		return endpoint.connect();
	}

	/**
	 * Connect through a standalone or Sentinel client.
	 * @param client the client
	 * @param ownsClient whether {@link #close()} shuts the client down too
	 * @return the connector
	 */
	public static RedisConnector of(RedisClient client, boolean ownsClient) {
		return new RedisConnector(client, ownsClient, () -> client.connect(StringCodec.UTF8),
				() -> client.connectPubSub(StringCodec.UTF8));
	}

	/**
	 * Connect through a Cluster client.
	 * @param client the client
	 * @param ownsClient whether {@link #close()} shuts the client down too
	 * @return the connector
	 */
	public static RedisConnector of(RedisClusterClient client, boolean ownsClient) {
		return new RedisConnector(client, ownsClient, () -> client.connect(StringCodec.UTF8),
				() -> client.connectPubSub(StringCodec.UTF8));
	}

	/**
	 * Open a pub/sub connection (on a Cluster client, the cluster's own, which receives
	 * what {@code PUBLISH} sends on any node). Lettuce subscribes it again after a
	 * reconnect; messages sent meanwhile are lost. Only {@link RedisSubscriptions} opens
	 * one.
	 * @return the connection; close it when done
	 */
	StatefulRedisPubSubConnection<String, String> openPubSub() {
		return this.connectPubSub.get();
	}

	/**
	 * The async commands of the shared connection.
	 * @return the commands
	 */
	public RedisClusterAsyncCommands<String, String> commands() {
		return this.commands;
	}

	/**
	 * Open a connection of its own for blocking waits on one key.
	 * @return the connection; close it when done
	 */
	public BlockingConnection openBlocking() {
		StatefulConnection<String, String> connection = this.connect.get();
		RedisClusterAsyncCommands<String, String> async = asyncOf(connection);
		return new BlockingConnection() {

			@Override
			public CompletableFuture<Boolean> popMarker(String key, Duration timeout) {
				// The client's command timeout (spring.data.redis.timeout, often short)
				// would
				// end the wait as an error; this connection waits only here, so it may
				// wait longer.
				Duration needed = timeout.plus(BLOCKING_MARGIN);
				if (connection.getTimeout().compareTo(needed) < 0) {
					connection.setTimeout(needed);
				}
				return async.bzpopmin(Math.max(timeout.toMillis(), 1) / 1000.0, key)
					.toCompletableFuture()
					.thenApply((popped) -> popped != null && popped.hasValue());
			}

			@Override
			public void close() {
				connection.closeAsync();
			}

		};
	}

	@SuppressWarnings("unchecked")
	private static RedisClusterAsyncCommands<String, String> asyncOf(StatefulConnection<String, String> connection) {
		if (connection instanceof StatefulRedisClusterConnection<?, ?> cluster) {
			return ((StatefulRedisClusterConnection<String, String>) cluster).async();
		}
		return ((StatefulRedisConnection<String, String>) connection).async();
	}

	/**
	 * Close a connection unless it is closed already: a client shut down before Cleo
	 * (Spring's connection factory shuts its client down when the context stops, before
	 * the beans that use it are destroyed) has closed every connection it made, and
	 * closing one again only makes Lettuce log a warning.
	 * @param connection the connection
	 */
	public static void closeUnlessClosed(StatefulConnection<?, ?> connection) {
		if (!(connection instanceof RedisChannelHandler<?, ?> handler) || !handler.isClosed()) {
			connection.close();
		}
	}

	@Override
	public void close() {
		closeUnlessClosed(this.shared);
		if (this.ownsClient) {
			this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	/**
	 * A dedicated connection for blocking on a wake-up marker.
	 */
	public interface BlockingConnection extends AutoCloseable {

		/**
		 * Wait for the marker with {@code BZPOPMIN}.
		 * @param key the marker key
		 * @param timeout the longest wait (Redis rounds it to its own timer resolution)
		 * @return true when a marker was popped, false on timeout
		 */
		CompletableFuture<Boolean> popMarker(String key, Duration timeout);

		@Override
		void close();

	}

}
