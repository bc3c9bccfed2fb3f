/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool's free slots, the "there may be work" flag and whether the fetcher is idle,
 * each with its own wait, so a finished task wakes only the fetcher. The work flag is set
 * before it is waited on and cleared just before a claim, so a wake-up that arrives
 * during a claim is never lost: the fetcher simply claims once more.
 */
final class FetchSignals {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition slotsChanged = this.lock.newCondition();

	private final Condition workChanged = this.lock.newCondition();

	private final Condition idleChanged = this.lock.newCondition();

	private int free;

	private boolean workSignalled;

	private boolean fetcherIdle;

	private boolean nudged;

	private boolean stopped;

	FetchSignals(int slots) {
		this.free = slots;
	}

	/**
	 * Wait up to the timeout for a free slot; returns the number free (0 on timeout or
	 * stop).
	 */
	int awaitFree(long timeoutMillis) throws InterruptedException {
		long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		this.lock.lock();
		try {
			while (this.free == 0 && !this.stopped && nanos > 0) {
				nanos = this.slotsChanged.awaitNanos(nanos);
			}
			return this.stopped ? 0 : this.free;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait up to the timeout until all slots are free again (every running task
	 * finished).
	 */
	boolean awaitIdle(int slots, long timeoutMillis) throws InterruptedException {
		long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		this.lock.lock();
		try {
			while (this.free < slots && nanos > 0) {
				nanos = this.slotsChanged.awaitNanos(nanos);
			}
			return this.free == slots;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The fetcher found the queues drained: wait up to the timeout for a work signal or a
	 * nudge. The work signal is left set; only {@link #clearWork()}, just before a claim,
	 * consumes it. A claim sent before the signal may still come back short afterwards,
	 * and must not put the fetcher back to sleep.
	 * @return why the wait ended
	 */
	Wake awaitWork(long timeoutMillis) throws InterruptedException {
		long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		this.lock.lock();
		try {
			setIdle(true);
			while (!this.workSignalled && !this.nudged && !this.stopped && nanos > 0) {
				nanos = this.workChanged.awaitNanos(nanos);
			}
			Wake wake = (this.workSignalled || this.stopped) ? Wake.WORK : (this.nudged ? Wake.NUDGE : Wake.TIMEOUT);
			this.nudged = false;
			setIdle(false);
			return wake;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Make a waiting fetcher look at the next due time again (a claim learned of an
	 * earlier one).
	 */
	void nudge() {
		this.lock.lock();
		try {
			this.nudged = true;
			this.workChanged.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait up to the timeout until the fetcher is idle with a free slot: only then is it
	 * worth blocking in Redis for a wake-up (a busy fetcher claims again anyway).
	 */
	boolean awaitIdleFetcher(long timeoutMillis) throws InterruptedException {
		long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		this.lock.lock();
		try {
			while (!(this.fetcherIdle && this.free > 0) && !this.stopped && nanos > 0) {
				nanos = this.idleChanged.awaitNanos(nanos);
			}
			return this.fetcherIdle && this.free > 0 && !this.stopped;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Reserve every free slot for a claim; returns how many were free. */
	int takeAll() {
		this.lock.lock();
		try {
			int taken = this.free;
			this.free = 0;
			return taken;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Return slots a claim reserved but did not fill. */
	void give(int slots) {
		if (slots > 0) {
			addSlots(slots);
		}
	}

	void release() {
		addSlots(1);
	}

	/** Wake the fetcher from a slot wait (a claim completed). */
	void wakeFetcher() {
		addSlots(0);
	}

	void signalWork() {
		this.lock.lock();
		try {
			this.workSignalled = true;
			this.workChanged.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	void clearWork() {
		this.lock.lock();
		try {
			this.workSignalled = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	void stop() {
		this.lock.lock();
		try {
			this.stopped = true;
			this.slotsChanged.signalAll();
			this.workChanged.signalAll();
			this.idleChanged.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	int free() {
		this.lock.lock();
		try {
			return this.free;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void addSlots(int slots) {
		this.lock.lock();
		try {
			this.free += slots;
			this.slotsChanged.signalAll();
			if (this.fetcherIdle) {
				this.idleChanged.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void setIdle(boolean idle) {
		this.fetcherIdle = idle;
		this.idleChanged.signalAll();
	}

	/** Why {@link #awaitWork} returned. */
	enum Wake {

		/** Work was signalled (or the pool stops). */
		WORK,

		/** The next due time may have changed. */
		NUDGE,

		/** The wait ran out. */
		TIMEOUT

	}

}
