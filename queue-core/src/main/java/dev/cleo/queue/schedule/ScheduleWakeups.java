/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cleo.queue.redis.RedisChannels;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.RedisSubscriptions;
import dev.cleo.queue.redis.ScheduleStore;

/**
 * Wakes the firer early, on one pub/sub connection opened on first use: when a schedule
 * of a served queue changes ({@code sched-wake}), and when a run a fixed-delay schedule
 * waits for ends (the queue's {@code finished} channel, only for the ids waited for).
 * Pub/sub may lose a message across a reconnect; the firer's bounded sleep covers that.
 * Messages arrive on a Lettuce I/O thread and are only handed on from there. The
 * connection is opened by {@link RedisSubscriptions} on a thread of its own and nothing
 * waits for it: the wake-ups only shorten the firer's sleep, so neither the firer nor
 * {@link #close()} may hang on a connect that does not finish (a Cluster client's pub/sub
 * connect was seen to wait forever while the application shut down).
 */
final class ScheduleWakeups implements AutoCloseable {

	private final RedisConnector connector;

	private final RedisChannels channels;

	private final Runnable wake;

	/** Per fixed-delay schedule ({@code queue/name}), the run whose end it waits for. */
	private final Map<String, String> awaited = new ConcurrentHashMap<>();

	private RedisSubscriptions subscriptions;

	ScheduleWakeups(RedisConnector connector, ScheduleStore store, Runnable wake) {
		this.connector = connector;
		this.channels = store.channels();
		this.wake = wake;
		this.subscriptions = newSubscriptions();
	}

	/** Listen for changes to the schedules of a queue (once). */
	void listen(String queue) {
		subscribe(this.channels.scheduleWake(queue));
	}

	/** Wake when the given run of a fixed-delay schedule ends. */
	void awaitEnd(String queue, String name, String id) {
		this.awaited.put(queue + "/" + name, id);
		subscribe(this.channels.finished(queue));
	}

	private synchronized void subscribe(String channel) {
		// a subscription that failed (Redis was away) is tried again
		this.subscriptions.subscribe(channel, this::received);
	}

	private void received(String channel, String message) {
		if (this.channels.isScheduleWake(channel) || this.awaited.values().remove(message)) {
			this.wake.run();
		}
	}

	/**
	 * Closes the connection if it is open, and one still opening once it is; a later
	 * {@link #listen(String)} opens a new one.
	 */
	@Override
	public synchronized void close() {
		this.subscriptions.close();
		this.subscriptions = newSubscriptions();
		this.awaited.clear();
	}

	private RedisSubscriptions newSubscriptions() {
		return new RedisSubscriptions(this.connector, "cleo-schedule-wakeups");
	}

}
