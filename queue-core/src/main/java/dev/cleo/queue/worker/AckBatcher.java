/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.worker.AttemptRecorder.FailedAcks;
import dev.cleo.queue.worker.AttemptRecorder.Sent;

/**
 * Collects finished attempts and writes them in batches from one thread, with up to
 * {@value #BATCHES_IN_FLIGHT} batches on their way at once: while one is with Redis the
 * next gathers, so acks batch themselves under load and cost one round trip when idle.
 * Events are published on this thread, never on the Redis client's I/O thread. A batch
 * Redis refuses (an outage) is kept and sent again, never dropped.
 */
final class AckBatcher {

	private static final Logger logger = LoggerFactory.getLogger(AckBatcher.class);

	private static final int MAX_BATCH = 1_000;

	private static final int BATCHES_IN_FLIGHT = 2;

	private final LinkedBlockingQueue<FinishedAttempt> pending = new LinkedBlockingQueue<>();

	private final ArrayDeque<List<Sent>> inFlight = new ArrayDeque<>();

	private final List<FinishedAttempt> retry = new ArrayList<>();

	private final AttemptRecorder recorder;

	private final Duration timeout;

	private final Thread thread;

	private final OutageBackoff backoff = new OutageBackoff(logger, "Recording task outcomes");

	private volatile boolean running = true;

	private volatile long drainDeadlineNanos = Long.MAX_VALUE;

	AckBatcher(AttemptRecorder recorder, String poolName, Duration timeout) {
		this.recorder = recorder;
		this.timeout = timeout;
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
		int left = this.pending.size() + this.retry.size();
		if (left > 0) {
			logger.warn("{} task outcomes could not be written before shutdown; their leases will expire and "
					+ "the tasks run again", left);
		}
	}

	private void loop() {
		try {
			while (hasWork()) {
				if (this.inFlight.size() < BATCHES_IN_FLIGHT && sendNext()) {
					continue;
				}
				if (!this.inFlight.isEmpty()) {
					completeOldest();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean hasWork() {
		if (this.running) {
			return true;
		}
		boolean left = !this.pending.isEmpty() || !this.retry.isEmpty() || !this.inFlight.isEmpty();
		return left && System.nanoTime() < this.drainDeadlineNanos;
	}

	/** Send the next batch; waits briefly for one only when nothing is in flight. */
	private boolean sendNext() throws InterruptedException {
		List<FinishedAttempt> batch = new ArrayList<>(this.retry);
		this.retry.clear();
		if (batch.isEmpty()) {
			FinishedAttempt first = this.inFlight.isEmpty() ? this.pending.poll(50, TimeUnit.MILLISECONDS)
					: this.pending.poll();
			if (first == null) {
				return false;
			}
			batch.add(first);
		}
		this.pending.drainTo(batch, MAX_BATCH - batch.size());
		this.inFlight.add(this.recorder.send(batch));
		return true;
	}

	private void completeOldest() throws InterruptedException {
		try {
			this.recorder.complete(this.inFlight.poll(), this.timeout);
			this.backoff.succeeded();
		}
		catch (FailedAcks ex) {
			this.retry.addAll(ex.attempts());
			if (System.nanoTime() < this.drainDeadlineNanos) {
				this.backoff.failed(ex);
			}
		}
	}

}
