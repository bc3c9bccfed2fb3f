/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * The one owner of a pub/sub connection: opened on first use on a thread of its own,
 * subscribed to channels and patterns, each with one listener. Nothing waits for the
 * connect and no lock is held while it runs: a Cluster client's pub/sub connect was seen
 * to wait forever while the application shut down, and it must hang neither a caller nor
 * {@link #close()}. A connect or a subscription that failed (Redis was away) is tried
 * again by the next call for it; once connected, Lettuce reconnects by itself and
 * subscribes again to what was subscribed (messages sent meanwhile are lost: pub/sub is
 * at-most-once). Listeners run on a Lettuce I/O thread and should only hand on.
 */
public final class RedisSubscriptions implements AutoCloseable {

	private final RedisConnector connector;

	private final String threadName;

	private final Topics channels = new Topics();

	private final Topics patterns = new Topics();

	private final Object lock = new Object();

	private CompletableFuture<StatefulRedisPubSubConnection<String, String>> connection;

	private boolean closed;

	/**
	 * Create subscriptions that connect on first use.
	 * @param connector the connections
	 * @param threadName the name of the thread that opens the connection
	 */
	public RedisSubscriptions(RedisConnector connector, String threadName) {
		this.connector = connector;
		this.threadName = threadName;
	}

	/**
	 * Subscribe to a channel, once: a later call for the same channel replaces its
	 * listener and returns the same future, unless that one failed.
	 * @param channel the channel
	 * @param listener called with the channel and each message
	 * @return a future done once Redis confirmed the subscription
	 */
	public CompletableFuture<Void> subscribe(String channel, BiConsumer<String, String> listener) {
		return this.channels.add(channel, listener, (pubSub) -> pubSub.async().subscribe(channel));
	}

	/**
	 * Subscribe to a pattern ({@code PSUBSCRIBE}), once, as {@link #subscribe} does.
	 * @param pattern the glob-style pattern
	 * @param listener called with the channel a message came on and the message
	 * @return a future done once Redis confirmed the subscription
	 */
	public CompletableFuture<Void> psubscribe(String pattern, BiConsumer<String, String> listener) {
		return this.patterns.add(pattern, listener, (pubSub) -> pubSub.async().psubscribe(pattern));
	}

	/**
	 * Stop listening on a channel; its listener is called no more.
	 * @param channel the channel
	 * @return a future done once Redis confirmed it (at once when never subscribed)
	 */
	public CompletableFuture<Void> unsubscribe(String channel) {
		return this.channels.remove(channel, (pubSub) -> pubSub.async().unsubscribe(channel));
	}

	/**
	 * Stop listening on a pattern; its listener is called no more.
	 * @param pattern the pattern
	 * @return a future done once Redis confirmed it (at once when never subscribed)
	 */
	public CompletableFuture<Void> punsubscribe(String pattern) {
		return this.patterns.remove(pattern, (pubSub) -> pubSub.async().punsubscribe(pattern));
	}

	/**
	 * Close the connection if it is open, and one still opening once it is; later
	 * subscriptions fail.
	 */
	@Override
	public void close() {
		CompletableFuture<StatefulRedisPubSubConnection<String, String>> current;
		synchronized (this.lock) {
			this.closed = true;
			current = this.connection;
			this.connection = null;
		}
		this.channels.clear();
		this.patterns.clear();
		if (current != null) {
			current.thenAccept(RedisConnector::closeUnlessClosed);
		}
	}

	private CompletableFuture<StatefulRedisPubSubConnection<String, String>> connection() {
		synchronized (this.lock) {
			if (this.closed) {
				return CompletableFuture.failedFuture(new IllegalStateException(this.threadName + " is closed"));
			}
			if (this.connection == null || this.connection.isCompletedExceptionally()) {
				CompletableFuture<StatefulRedisPubSubConnection<String, String>> opening = new CompletableFuture<>();
				Thread opener = new Thread(() -> open(opening), this.threadName);
				opener.setDaemon(true);
				opener.start();
				this.connection = opening;
			}
			return this.connection;
		}
	}

	private void open(CompletableFuture<StatefulRedisPubSubConnection<String, String>> opening) {
		try {
			StatefulRedisPubSubConnection<String, String> opened = this.connector.openPubSub();
			opened.addListener(new Dispatcher());
			synchronized (this.lock) {
				// closed meanwhile: this connection is not wanted
				if (this.connection != opening) {
					RedisConnector.closeUnlessClosed(opened);
					opening.completeExceptionally(new IllegalStateException(this.threadName + " is closed"));
					return;
				}
			}
			opening.complete(opened);
		}
		catch (RuntimeException ex) {
			opening.completeExceptionally(ex);
		}
	}

	/**
	 * The channels (or patterns) subscribed to: a listener and a subscription future
	 * each.
	 */
	private final class Topics {

		private final Map<String, BiConsumer<String, String>> listeners = new ConcurrentHashMap<>();

		private final Map<String, CompletableFuture<Void>> subscribed = new ConcurrentHashMap<>();

		CompletableFuture<Void> add(String topic, BiConsumer<String, String> listener,
				Function<StatefulRedisPubSubConnection<String, String>, RedisFuture<Void>> command) {
			this.listeners.put(topic, listener);
			CompletableFuture<Void> current = this.subscribed.get(topic);
			if (current != null && current.isCompletedExceptionally()) {
				this.subscribed.remove(topic, current);
			}
			return this.subscribed.computeIfAbsent(topic, (key) -> send(command));
		}

		CompletableFuture<Void> remove(String topic,
				Function<StatefulRedisPubSubConnection<String, String>, RedisFuture<Void>> command) {
			this.listeners.remove(topic);
			if (this.subscribed.remove(topic) == null) {
				return CompletableFuture.completedFuture(null);
			}
			return send(command);
		}

		void dispatch(String topic, String channel, String message) {
			BiConsumer<String, String> listener = this.listeners.get(topic);
			if (listener != null) {
				listener.accept(channel, message);
			}
		}

		void clear() {
			this.listeners.clear();
			this.subscribed.clear();
		}

		private CompletableFuture<Void> send(
				Function<StatefulRedisPubSubConnection<String, String>, RedisFuture<Void>> command) {
			return connection().thenCompose((pubSub) -> command.apply(pubSub).toCompletableFuture());
		}

	}

	/** Hands each message to the listener of its channel or pattern. */
	private final class Dispatcher extends RedisPubSubAdapter<String, String> {

		@Override
		public void message(String channel, String message) {
			RedisSubscriptions.this.channels.dispatch(channel, channel, message);
		}

		@Override
		public void message(String pattern, String channel, String message) {
			RedisSubscriptions.this.patterns.dispatch(pattern, channel, message);
		}

	}

}
