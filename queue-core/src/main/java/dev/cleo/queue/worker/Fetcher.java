/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.redis.ClaimBatch;
import dev.cleo.queue.redis.ClaimedTask;

/**
 * The pool's claim loop: whenever slots are free it claims as many tasks as there are
 * free slots in one round trip per queue. After a full claim it goes straight on;
 * otherwise it waits for a marker wake-up, the next delayed task's due time (timed here,
 * to the millisecond, rather than by Redis's coarse blocking timeout) or the idle wait,
 * whichever comes first.
 */
final class Fetcher implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(Fetcher.class);

	private final QueueClaimer claimer;

	private final FetchSignals signals;

	private final Consumer<ClaimedTask> dispatcher;

	private final WorkerPoolOptions options;

	private final java.time.Clock clock;

	private final OutageBackoff backoff;

	private volatile boolean running = true;

	Fetcher(QueueClaimer claimer, FetchSignals signals, Consumer<ClaimedTask> dispatcher, WorkerPoolOptions options,
			java.time.Clock clock) {
		this.claimer = claimer;
		this.signals = signals;
		this.dispatcher = dispatcher;
		this.options = options;
		this.clock = clock;
		this.backoff = new OutageBackoff(logger, "Claiming tasks for pool '" + options.name() + "'");
	}

	@Override
	public void run() {
		long idleMillis = this.options.idleWait().toMillis();
		try {
			while (this.running) {
				int free = this.signals.awaitFree(idleMillis);
				if (free > 0 && this.running) {
					fetch(free, idleMillis);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void fetch(int free, long idleMillis) throws InterruptedException {
		this.signals.clearWork();
		ClaimBatch batch;
		try {
			batch = this.claimer.claim(free);
			this.backoff.succeeded();
		}
		catch (QueueException ex) {
			this.backoff.failed(ex);
			return;
		}
		this.signals.take(batch.tasks().size());
		batch.tasks().forEach(this.dispatcher);
		if (batch.nextDueMillis() == ClaimBatch.MORE_READY) {
			return;
		}
		long wait = idleMillis;
		if (batch.nextDueMillis() >= 0) {
			wait = Math.min(wait, Math.max(0, batch.nextDueMillis() - this.clock.millis()));
		}
		if (wait > 0) {
			this.signals.awaitWork(wait);
		}
	}

	void stop() {
		this.running = false;
	}

}
