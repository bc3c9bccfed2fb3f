/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import org.slf4j.Logger;

import dev.cleo.queue.QueueException;

/**
 * How a worker loop rides out a Redis outage: it waits 100 ms, doubling to 5 s, between
 * tries, logs the outage once when it starts and once when it ends, and never gives up
 * while the pool runs.
 */
final class OutageBackoff {

	private static final long FIRST_MILLIS = 100;

	private static final long MAX_MILLIS = 5_000;

	private final Logger logger;

	private final String what;

	private long nextMillis = FIRST_MILLIS;

	private boolean failing;

	OutageBackoff(Logger logger, String what) {
		this.logger = logger;
		this.what = what;
	}

	/** Record a failure and sleep before the next try. */
	void failed(QueueException ex) throws InterruptedException {
		if (!this.failing) {
			this.logger.warn("{} failed; retrying with backoff until Redis answers again: {}", this.what,
					ex.getMessage());
			this.failing = true;
		}
		Thread.sleep(this.nextMillis);
		this.nextMillis = Math.min(this.nextMillis * 2, MAX_MILLIS);
	}

	/** Record a success. */
	void succeeded() {
		if (this.failing) {
			this.logger.info("{} works again", this.what);
			this.failing = false;
		}
		this.nextMillis = FIRST_MILLIS;
	}

}
