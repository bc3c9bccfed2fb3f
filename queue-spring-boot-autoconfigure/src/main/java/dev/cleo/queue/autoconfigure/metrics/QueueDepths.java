/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;

/**
 * Queue depths read from Redis and reused for a while, so that a scrape reads each queue
 * at most once per {@code ttl}. Finds new queues on each refresh and reports them.
 * Internal.
 */
final class QueueDepths {

	private static final Logger logger = LoggerFactory.getLogger(QueueDepths.class);

	private final QueueManager manager;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	private final Consumer<String> onNewQueue;

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	private volatile Map<String, QueueCounts> counts = Map.of();

	private long readAt;

	/** False until the first reading, and again when a new queue is seen. */
	private volatile boolean read;

	QueueDepths(QueueManager manager, Duration ttl, LongSupplier nanoTime, Consumer<String> onNewQueue) {
		this.manager = manager;
		this.ttlNanos = ttl.toNanos();
		this.nanoTime = nanoTime;
		this.onNewQueue = onNewQueue;
	}

	/**
	 * Note a queue seen in an event, so its depth is read from now on.
	 * @param queue the queue
	 */
	void see(String queue) {
		if (this.known.add(queue)) {
			this.read = false;
			this.onNewQueue.accept(queue);
		}
	}

	/**
	 * The depth of a queue in a state, from a reading at most {@code ttl} old.
	 * @param queue the queue
	 * @param state waiting, delayed, active or dead
	 * @return the number of tasks, or NaN when Redis could not be read
	 */
	double depth(String queue, String state) {
		QueueCounts count = current().get(queue);
		if (count == null) {
			return Double.NaN;
		}
		return switch (state) {
			case "waiting" -> count.waiting();
			case "delayed" -> count.delayed();
			case "active" -> count.active();
			case "dead" -> count.dead();
			default -> Double.NaN;
		};
	}

	synchronized Map<String, QueueCounts> current() {
		long now = this.nanoTime.getAsLong();
		if (!this.read || now - this.readAt >= this.ttlNanos) {
			refresh();
			this.readAt = now;
			this.read = true;
		}
		return this.counts;
	}

	/** Discover queues and read their counts; a failure leaves NaN for what it missed. */
	private void refresh() {
		try {
			this.manager.queues().forEach(this::see);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not list queues for the depth gauges", ex);
		}
		Map<String, QueueCounts> fresh = new ConcurrentHashMap<>();
		for (String queue : this.known) {
			try {
				fresh.put(queue, this.manager.counts(queue));
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read the depth of queue '{}'", queue, ex);
			}
		}
		this.counts = fresh;
	}

}
