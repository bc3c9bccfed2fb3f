/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Lease;

/**
 * A claimed task while its handler runs: the thread to interrupt on timeout or hand-back,
 * and flags that say why the attempt ended early.
 */
final class RunningTask {

	private final ClaimedTask task;

	private final long startedNanos = System.nanoTime();

	private volatile Thread thread;

	private volatile boolean timedOut;

	private volatile boolean leaseLost;

	private final AtomicBoolean handedBack = new AtomicBoolean();

	RunningTask(ClaimedTask task) {
		this.task = task;
	}

	ClaimedTask task() {
		return this.task;
	}

	Lease lease() {
		return new Lease(this.task.id(), this.task.token());
	}

	long startedNanos() {
		return this.startedNanos;
	}

	void attach(Thread thread) {
		this.thread = thread;
	}

	void detach() {
		this.thread = null;
	}

	void timeOut() {
		this.timedOut = true;
		interrupt();
	}

	boolean timedOut() {
		return this.timedOut;
	}

	void loseLease() {
		this.leaseLost = true;
	}

	boolean leaseLost() {
		return this.leaseLost || this.handedBack.get();
	}

	/**
	 * Mark the task handed back; true the first time only. Its outcome will be dropped.
	 */
	boolean handBack() {
		boolean first = this.handedBack.compareAndSet(false, true);
		if (first) {
			interrupt();
		}
		return first;
	}

	boolean handedBack() {
		return this.handedBack.get();
	}

	private void interrupt() {
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
	}

}
