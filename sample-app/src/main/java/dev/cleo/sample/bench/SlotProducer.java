/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one task per slot on a fixed grid: slot {@code i} is {@code i / rate} seconds
 * after the first, whatever happened before it, so the rate never drifts. The slots are
 * dealt round-robin to {@value #THREADS} threads, each parking until its next slot: one
 * enqueue that takes longer than a slot (a slow round trip on a busy machine) then delays
 * no other slot. How late the latest send started after its slot is kept, to show whether
 * the grid was held.
 */
final class SlotProducer {

	/** Sending threads. */
	static final int THREADS = 4;

	private final int rate;

	private final Sender sender;

	private final long firstSlot = System.nanoTime() + 10_000_000;

	private final AtomicLong maxLag = new AtomicLong();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	SlotProducer(int rate, Sender sender) {
		this.rate = rate;
		this.sender = sender;
	}

	/**
	 * Send slots 0 to {@code total - 1}, the first one 10 ms from the producer's
	 * creation, and return when all are sent.
	 */
	void run(int total) throws InterruptedException {
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int first = t;
			Thread thread = new Thread(() -> send(first, total), "bench-producer-" + t);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (this.failure.get() != null) {
			throw this.failure.get();
		}
	}

	long slotNanos(int slot) {
		return this.firstSlot + (long) (slot * 1e9 / this.rate);
	}

	long maxLagNanos() {
		return this.maxLag.get();
	}

	private void send(int first, int total) {
		try {
			for (int i = first; i < total && this.failure.get() == null; i += THREADS) {
				long slot = slotNanos(i);
				for (long wait = slot - System.nanoTime(); wait > 0; wait = slot - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				long now = System.nanoTime();
				this.maxLag.accumulateAndGet(now - slot, Math::max);
				this.sender.send(i, now);
			}
		}
		catch (RuntimeException ex) {
			this.failure.compareAndSet(null, ex);
		}
	}

	/** Sends the task of one slot. */
	@FunctionalInterface
	interface Sender {

		/**
		 * @param slot the slot number, from 0
		 * @param now {@code System.nanoTime()} just before the send
		 */
		void send(int slot, long now);

	}

}
