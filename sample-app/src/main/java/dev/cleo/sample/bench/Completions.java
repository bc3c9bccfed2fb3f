/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;

/**
 * Counts a queue's finished tasks with an event listener. {@code COMPLETED} fires after
 * the ack is written, so the count never runs ahead of Redis; dead tasks count too, so a
 * failing bench ends instead of hanging, and are reported.
 */
final class Completions implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Completions.class);

	private static final long PROGRESS_SECONDS = 5;

	private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

	private final String queue;

	private final long expected;

	private final CountDownLatch remaining;

	private final AtomicLong dead = new AtomicLong();

	private final AutoCloseable subscription;

	private Completions(QueueManager manager, String queue, int expected) {
		this.queue = queue;
		this.expected = expected;
		this.remaining = new CountDownLatch(expected);
		this.subscription = manager.onTaskEvent(this::finished, ObserverEvent.COMPLETED, ObserverEvent.DEAD);
	}

	static Completions track(QueueManager manager, String queue, int expected) {
		return new Completions(manager, queue, expected);
	}

	/**
	 * Wait until every expected task finished, logging progress; give up when none
	 * finished for a minute.
	 */
	void await() throws InterruptedException {
		long last = this.remaining.getCount();
		long lastChange = System.nanoTime();
		while (!this.remaining.await(PROGRESS_SECONDS, TimeUnit.SECONDS)) {
			long now = this.remaining.getCount();
			if (now != last) {
				last = now;
				lastChange = System.nanoTime();
			}
			else if (System.nanoTime() - lastChange > STALL_LIMIT.toNanos()) {
				throw new IllegalStateException(this.queue + " stalled: " + (this.expected - now) + " of "
						+ this.expected + " tasks finished and none in the last " + STALL_LIMIT.toSeconds() + " s");
			}
			logger.info("{}: {} of {} tasks finished", this.queue, this.expected - now, this.expected);
		}
	}

	/**
	 * @return how many of the counted tasks died instead of completing
	 */
	long dead() {
		return this.dead.get();
	}

	private void finished(TaskEvent event) {
		if (this.queue.equals(event.queue())) {
			if (event.type() == ObserverEvent.DEAD) {
				this.dead.incrementAndGet();
			}
			this.remaining.countDown();
		}
	}

	@Override
	public void close() {
		try {
			this.subscription.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not remove the completion listener of " + this.queue, ex);
		}
	}

}
