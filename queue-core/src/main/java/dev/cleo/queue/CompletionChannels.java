/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.RedisSubscriptions;
import dev.cleo.queue.redis.TaskStore;

/**
 * The pub/sub side of {@link CompletionWatcher}: one connection, opened on first use (by
 * {@link RedisSubscriptions}, off the caller's thread), subscribed to the
 * {@code finished} channel of each queue a future was requested on (and kept subscribed:
 * a channel without publishers costs nothing). Messages arrive on a Lettuce I/O thread
 * and are only handed on from there.
 */
final class CompletionChannels implements AutoCloseable {

	private final TaskStore store;

	private final BiConsumer<String, String> announced;

	private final RedisSubscriptions subscriptions;

	CompletionChannels(RedisConnector connector, TaskStore store, BiConsumer<String, String> announced) {
		this.store = store;
		this.announced = announced;
		this.subscriptions = new RedisSubscriptions(connector, "cleo-completion-channels");
	}

	/**
	 * Subscribe to a queue's channel, once.
	 * @param queue the queue
	 * @return a future done once subscribed; a failed subscription is tried again on the
	 * next call
	 */
	CompletableFuture<Void> subscribe(String queue) {
		return this.subscriptions.subscribe(this.store.finishedChannel(queue),
				(channel, id) -> this.announced.accept(queue, id));
	}

	@Override
	public void close() {
		this.subscriptions.close();
	}

}
