/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool's free slots and the "there may be work" flag, with waits on both. The flag is
 * set before it is waited on and cleared just before a claim, so a wake-up that arrives
 * during a claim is never lost: the fetcher simply claims once more.
 */
final class FetchSignals {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private int free;

	private boolean workSignalled;

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
				nanos = this.changed.awaitNanos(nanos);
			}
			return this.stopped ? 0 : this.free;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Wait up to the timeout for a work signal, and consume it. */
	void awaitWork(long timeoutMillis) throws InterruptedException {
		long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		this.lock.lock();
		try {
			while (!this.workSignalled && !this.stopped && nanos > 0) {
				nanos = this.changed.awaitNanos(nanos);
			}
			this.workSignalled = false;
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
				nanos = this.changed.awaitNanos(nanos);
			}
			return this.free == slots;
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

	void signalWork() {
		update(0, true);
	}

	void take(int slots) {
		update(-slots, false);
	}

	void release() {
		update(1, false);
	}

	void stop() {
		this.lock.lock();
		try {
			this.stopped = true;
			this.changed.signalAll();
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

	private void update(int slots, boolean work) {
		this.lock.lock();
		try {
			this.free += slots;
			this.workSignalled |= work;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

}
