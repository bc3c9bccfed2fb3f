/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;

/**
 * Collects finished attempts and writes them in batches on one thread: while one batch is
 * on its way to Redis the next one gathers, so acks batch themselves under load and cost
 * one round trip when idle. A batch that Redis refuses (an outage) is kept and retried,
 * never dropped.
 */
final class AckBatcher {

	private static final Logger logger = LoggerFactory.getLogger(AckBatcher.class);

	private static final int MAX_BATCH = 1_000;

	private final LinkedBlockingQueue<FinishedAttempt> pending = new LinkedBlockingQueue<>();

	private final AttemptRecorder recorder;

	private final Thread thread;

	private final OutageBackoff backoff = new OutageBackoff(logger, "Recording task outcomes");

	private volatile boolean running = true;

	private volatile long drainDeadlineNanos = Long.MAX_VALUE;

	AckBatcher(AttemptRecorder recorder, String poolName) {
		this.recorder = recorder;
		this.thread = new Thread(this::loop, "cleo-" + poolName + "-acks");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	void submit(FinishedAttempt attempt) {
		this.pending.add(attempt);
	}

	/** Write what is pending, waiting at most the timeout, then stop the thread. */
	void drainAndStop(Duration timeout) throws InterruptedException {
		this.drainDeadlineNanos = System.nanoTime() + timeout.toNanos();
		this.running = false;
		this.thread.join(Math.max(1, timeout.toMillis() + 100));
		if (!this.pending.isEmpty()) {
			logger.warn("{} task outcomes could not be written before shutdown; their leases will expire and "
					+ "the tasks run again", this.pending.size());
		}
	}

	private void loop() {
		List<FinishedAttempt> batch = new ArrayList<>();
		while (this.running || (!this.pending.isEmpty() || !batch.isEmpty()) && !pastDeadline()) {
			try {
				if (batch.isEmpty()) {
					FinishedAttempt first = this.pending.poll(50, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
					this.pending.drainTo(batch, MAX_BATCH - 1);
				}
				this.recorder.record(batch);
				batch.clear();
				this.backoff.succeeded();
			}
			catch (QueueException ex) {
				sleepBackoff(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.pending.addAll(batch);
	}

	private void sleepBackoff(QueueException ex) {
		try {
			if (!pastDeadline()) {
				this.backoff.failed(ex);
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean pastDeadline() {
		return System.nanoTime() > this.drainDeadlineNanos;
	}

}
