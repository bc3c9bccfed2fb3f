/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;

/**
 * Folds the event streams of the queues this instance's worker pools serve into their
 * rollups, every {@link #INTERVAL}, on a daemon thread of its own, so the rollups keep up
 * with the streams (a statistics read folds first anyway). Several instances folding one
 * queue is harmless: each entry is folded once, by whichever call reaches it.
 */
public final class HistoryFolder implements AutoCloseable {

	/**
	 * How often the served queues are folded. A stream keeps about
	 * {@link HistoryOptions#streamMaxEvents()} events (100,000 by default) and trims the
	 * older ones whether they were folded or not, so a fold must come round before that
	 * many pile up: every second keeps up with about 30,000 tasks a second (three events
	 * each), where every 10 s lost counts from about 3,000. A fold with nothing new costs
	 * one short script call.
	 */
	public static final Duration INTERVAL = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(HistoryFolder.class);

	private final TaskHistoryService history;

	private final Supplier<Collection<String>> queues;

	private ScheduledExecutorService timer;

	/**
	 * Create a folder; it does nothing until {@link #start()}.
	 * @param history the service that folds
	 * @param queues the queues to fold, asked at every round
	 */
	public HistoryFolder(TaskHistoryService history, Supplier<Collection<String>> queues) {
		this.history = history;
		this.queues = queues;
	}

	/**
	 * Start folding, unless history is off or folding runs already.
	 */
	public synchronized void start() {
		if (this.timer != null || !this.history.isEnabled()) {
			return;
		}
		this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "cleo-history-fold");
			thread.setDaemon(true);
			return thread;
		});
		long interval = INTERVAL.toMillis();
		this.timer.scheduleWithFixedDelay(this::foldAll, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void foldAll() {
		for (String queue : this.queues.get()) {
			try {
				long lost = this.history.fold(queue);
				if (lost > 0) {
					logger.debug("Queue '{}': {} event stream entries were trimmed before they were counted", queue,
							lost);
				}
			}
			catch (QueueException ex) {
				logger.debug("Could not fold the history of queue '{}': {}", queue, ex.getMessage());
			}
		}
	}

	@Override
	public synchronized void close() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

}
