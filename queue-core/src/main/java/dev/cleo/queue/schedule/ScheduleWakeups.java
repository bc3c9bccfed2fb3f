/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.ScheduleStore;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Wakes the firer early, on one pub/sub connection opened on first use: when a schedule
 * of a served queue changes ({@code sched-wake}), and when a run a fixed-delay schedule
 * waits for ends (the queue's {@code finished} channel, only for the ids waited for).
 * Pub/sub may lose a message across a reconnect; the firer's bounded sleep covers that.
 * Messages arrive on a Lettuce I/O thread and are only handed on from there. The
 * connection is opened on a thread of its own and nothing waits for it: the wake-ups only
 * shorten the firer's sleep, so neither the firer nor {@link #close()} may hang on a
 * connect that does not finish (a Cluster client's pub/sub connect was seen to wait
 * forever while the application shut down).
 */
final class ScheduleWakeups implements AutoCloseable {

	private final RedisConnector connector;

	private final ScheduleStore store;

	private final Runnable wake;

	private final Map<String, CompletableFuture<Void>> subscriptions = new ConcurrentHashMap<>();

	/** Per fixed-delay schedule ({@code queue/name}), the run whose end it waits for. */
	private final Map<String, String> awaited = new ConcurrentHashMap<>();

	private CompletableFuture<StatefulRedisPubSubConnection<String, String>> connection;

	ScheduleWakeups(RedisConnector connector, ScheduleStore store, Runnable wake) {
		this.connector = connector;
		this.store = store;
		this.wake = wake;
	}

	/** Listen for changes to the schedules of a queue (once). */
	void listen(String queue) {
		subscribe(this.store.wakeChannel(queue));
	}

	/** Wake when the given run of a fixed-delay schedule ends. */
	void awaitEnd(String queue, String name, String id) {
		this.awaited.put(queue + "/" + name, id);
		subscribe(this.store.finishedChannel(queue));
	}

	private void subscribe(String channel) {
		CompletableFuture<Void> current = this.subscriptions.get(channel);
		if (current != null && current.isCompletedExceptionally()) {
			// a subscription that failed (Redis was away) is tried again
			this.subscriptions.remove(channel, current);
		}
		this.subscriptions.computeIfAbsent(channel, this::send);
	}

	private CompletableFuture<Void> send(String channel) {
		return connection().thenCompose((connection) -> connection.async().subscribe(channel).toCompletableFuture());
	}

	private synchronized CompletableFuture<StatefulRedisPubSubConnection<String, String>> connection() {
		if (this.connection == null || this.connection.isCompletedExceptionally()) {
			CompletableFuture<StatefulRedisPubSubConnection<String, String>> opening = new CompletableFuture<>();
			Thread opener = new Thread(() -> open(opening), "cleo-schedule-wakeups");
			opener.setDaemon(true);
			opener.start();
			this.connection = opening;
		}
		return this.connection;
	}

	private void open(CompletableFuture<StatefulRedisPubSubConnection<String, String>> opening) {
		try {
			StatefulRedisPubSubConnection<String, String> connection = this.connector.openPubSub();
			connection.addListener(new RedisPubSubAdapter<>() {

				@Override
				public void message(String channel, String message) {
					received(channel, message);
				}

			});
			synchronized (this) {
				// closed (or closed and opened again) meanwhile: this one is not wanted
				if (this.connection != opening) {
					RedisConnector.closeUnlessClosed(connection);
					opening.completeExceptionally(new IllegalStateException("schedule wake-ups are closed"));
					return;
				}
			}
			opening.complete(connection);
		}
		catch (RuntimeException ex) {
			opening.completeExceptionally(ex);
		}
	}

	private void received(String channel, String message) {
		if (channel.endsWith(":sched-wake") || this.awaited.values().remove(message)) {
			this.wake.run();
		}
	}

	/**
	 * Closes the connection if it is open, and one still opening once it is; a later
	 * {@link #listen(String)} opens a new one.
	 */
	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.thenAccept(RedisConnector::closeUnlessClosed);
			this.connection = null;
		}
		this.subscriptions.clear();
		this.awaited.clear();
	}

}
