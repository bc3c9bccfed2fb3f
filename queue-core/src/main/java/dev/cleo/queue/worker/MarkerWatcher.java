/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.redis.RedisCalls;
import dev.cleo.queue.redis.RedisConnector.BlockingConnection;
import dev.cleo.queue.redis.TaskStore;

/**
 * Blocks in Redis on one queue's wake-up marker (its own connection, {@code BZPOPMIN})
 * while the pool's fetcher is idle with a free slot, and wakes it when an enqueue or a
 * retry adds the marker. An idle pool so costs one command per idle wait instead of a
 * poll loop.
 */
final class MarkerWatcher implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(MarkerWatcher.class);

	private final BlockingConnection connection;

	private final TaskStore store;

	private final String queue;

	private final String markerKey;

	private final FetchSignals signals;

	private final BooleanSupplier claimNow;

	private final Duration idleWait;

	private final OutageBackoff backoff;

	private volatile boolean running = true;

	MarkerWatcher(BlockingConnection connection, TaskStore store, String queue, FetchSignals signals,
			BooleanSupplier claimNow, Duration idleWait) {
		this.connection = connection;
		this.store = store;
		this.queue = queue;
		this.markerKey = store.markerKey(queue);
		this.signals = signals;
		this.claimNow = claimNow;
		this.idleWait = idleWait;
		this.backoff = new OutageBackoff(logger, "Waiting for work on " + markerKey);
	}

	@Override
	public void run() {
		while (this.running) {
			try {
				if (!this.signals.awaitIdleFetcher(this.idleWait.toMillis())) {
					continue;
				}
				// React in the reply's own callback: waking this thread first would add a
				// thread hand-over
				// to every idle queue's start latency.
				RedisCalls.await(this.connection.popMarker(this.markerKey, this.idleWait).thenApply(this::popped),
						this.idleWait.plusSeconds(5), "wait for work");
				this.backoff.succeeded();
			}
			catch (QueueException ex) {
				if (this.running) {
					sleep(ex);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** Runs on the Redis client's I/O thread: nothing here may block. */
	private boolean popped(boolean popped) {
		if (popped && this.signals.free() == 0) {
			// Every slot filled while we waited: leave the wake-up to an instance that
			// can use it.
			this.store.wakeAsync(this.queue);
		}
		else if (popped && !this.claimNow.getAsBoolean()) {
			this.signals.signalWork();
		}
		return popped;
	}

	private void sleep(QueueException ex) {
		try {
			this.backoff.failed(ex);
		}
		catch (InterruptedException interrupted) {
			this.running = false;
		}
	}

	void stop() {
		this.running = false;
		this.connection.close();
	}

}
