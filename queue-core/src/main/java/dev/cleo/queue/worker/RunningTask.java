/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Lease;

/**
 * A claimed task while its handler runs: the thread to interrupt on timeout, hand-back or
 * cancel, flags that say why the attempt ended early, and whether its pool slot was freed
 * (once: by the cancel, or when the handler returns).
 */
final class RunningTask {

	private final ClaimedTask task;

	private final long startedNanos = System.nanoTime();

	private volatile Thread thread;

	private volatile boolean timedOut;

	private volatile boolean leaseLost;

	private final AtomicBoolean handedBack = new AtomicBoolean();

	private final AtomicBoolean cancelled = new AtomicBoolean();

	private final AtomicBoolean slotFreed = new AtomicBoolean();

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

	/**
	 * Synchronized with {@link #interrupt()}: once detached, an interrupt meant for this
	 * attempt can no longer reach the thread's next task.
	 */
	synchronized void detach() {
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

	/**
	 * Mark the task cancelled (or removed with its queue) while it ran, and interrupt its
	 * handler; true the first time only. Its outcome will be dropped: the task has no
	 * future to record it in.
	 */
	boolean cancel() {
		boolean first = this.cancelled.compareAndSet(false, true);
		if (first) {
			this.leaseLost = true;
			interrupt();
		}
		return first;
	}

	boolean cancelled() {
		return this.cancelled.get();
	}

	/**
	 * Claim the freeing of this task's pool slot; true for the one caller that does it.
	 */
	boolean freeSlot() {
		return this.slotFreed.compareAndSet(false, true);
	}

	private synchronized void interrupt() {
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
	}

}
