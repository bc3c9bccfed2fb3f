/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.TaskStore;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * The pub/sub side of {@link CompletionWatcher}: one connection, opened on first use,
 * subscribed to the {@code finished} channel of each queue a future was requested on (and
 * kept subscribed: a channel without publishers costs nothing). Messages arrive on a
 * Lettuce I/O thread and are only handed on from there.
 */
final class CompletionChannels implements AutoCloseable {

	private final RedisConnector connector;

	private final TaskStore store;

	private final BiConsumer<String, String> announced;

	private final Map<String, String> queueByChannel = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Void>> subscriptions = new ConcurrentHashMap<>();

	private StatefulRedisPubSubConnection<String, String> connection;

	CompletionChannels(RedisConnector connector, TaskStore store, BiConsumer<String, String> announced) {
		this.connector = connector;
		this.store = store;
		this.announced = announced;
	}

	/**
	 * Subscribe to a queue's channel, once.
	 * @return a future done once subscribed; a failed subscription is tried again on the
	 * next call
	 */
	CompletableFuture<Void> subscribe(String queue) {
		CompletableFuture<Void> current = this.subscriptions.get(queue);
		if (current != null && current.isCompletedExceptionally()) {
			this.subscriptions.remove(queue, current);
		}
		return this.subscriptions.computeIfAbsent(queue, this::send);
	}

	private CompletableFuture<Void> send(String queue) {
		String channel = this.store.finishedChannel(queue);
		this.queueByChannel.put(channel, queue);
		try {
			return connection().async().subscribe(channel).toCompletableFuture();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private synchronized StatefulRedisPubSubConnection<String, String> connection() {
		if (this.connection == null) {
			this.connection = this.connector.openPubSub();
			this.connection.addListener(new RedisPubSubAdapter<>() {

				@Override
				public void message(String channel, String id) {
					String queue = CompletionChannels.this.queueByChannel.get(channel);
					if (queue != null) {
						CompletionChannels.this.announced.accept(queue, id);
					}
				}

			});
		}
		return this.connection;
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			RedisConnector.closeUnlessClosed(this.connection);
		}
	}

}
