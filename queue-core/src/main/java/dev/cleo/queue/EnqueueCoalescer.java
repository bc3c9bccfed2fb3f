/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleo.queue.redis.EnqueueResult;
import dev.cleo.queue.redis.NewTask;
import dev.cleo.queue.redis.TaskStore;

/**
 * Group commit for single enqueues: while {@value #IN_FLIGHT} enqueue scripts of a queue
 * are on their way, further single enqueues of that queue wait and then travel together,
 * up to {@value #MAX_BATCH} in one script. An idle queue's enqueue leaves at once, so
 * this adds no latency; many threads enqueueing at once (an application's request threads
 * calling a task proxy) cost Redis one script per batch instead of one per task.
 * <p>
 * A caller that gives up cancels its enqueue: a waiting one is dropped before it is sent,
 * and a sent batch is cancelled (so Lettuce does not send it after a reconnect) once
 * every caller in it gave up. An enqueue reported as failed so never lands later.
 */
final class EnqueueCoalescer {

	static final int IN_FLIGHT = 2;

	static final int MAX_BATCH = 1000;

	private final TaskStore store;

	private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

	EnqueueCoalescer(TaskStore store) {
		this.store = store;
	}

	/**
	 * Enqueue one task, alone or with others of its queue.
	 * @param queue the queue
	 * @param task the task
	 * @return its result; cancelling it withdraws the enqueue as described above
	 */
	CompletableFuture<EnqueueResult> enqueue(String queue, NewTask task) {
		return this.lanes.computeIfAbsent(queue, Lane::new).submit(task);
	}

	/** One queue's waiting enqueues and the number of its batches in flight. */
	private final class Lane {

		private final String queue;

		private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

		private int inFlight;

		Lane(String queue) {
			this.queue = queue;
		}

		CompletableFuture<EnqueueResult> submit(NewTask task) {
			Pending pending = new Pending(task, new CompletableFuture<>());
			List<Pending> batch = null;
			synchronized (this) {
				this.waiting.add(pending);
				if (this.inFlight < IN_FLIGHT) {
					this.inFlight++;
					batch = takeBatch();
				}
			}
			pending.result.whenComplete((result, error) -> {
				if (pending.result.isCancelled()) {
					withdraw(pending);
				}
			});
			if (batch != null) {
				send(batch);
			}
			return pending.result;
		}

		private void withdraw(Pending pending) {
			boolean stillWaiting;
			synchronized (this) {
				stillWaiting = this.waiting.remove(pending);
			}
			if (!stillWaiting) {
				pending.leaveBatch();
			}
		}

		private void send(List<Pending> batch) {
			if (batch.isEmpty()) {
				sendNext();
				return;
			}
			List<NewTask> tasks = new ArrayList<>(batch.size());
			batch.forEach((pending) -> tasks.add(pending.task));
			CompletableFuture<List<EnqueueResult>> stored = EnqueueCoalescer.this.store.enqueue(this.queue, tasks,
					false);
			Batch sent = new Batch(stored, batch.size());
			batch.forEach((pending) -> pending.join(sent));
			stored.whenComplete((results, error) -> {
				for (int i = 0; i < batch.size(); i++) {
					if (error != null) {
						batch.get(i).result.completeExceptionally(error);
					}
					else {
						batch.get(i).result.complete(results.get(i));
					}
				}
				sendNext();
			});
		}

		private void sendNext() {
			List<Pending> next;
			synchronized (this) {
				if (this.waiting.isEmpty()) {
					this.inFlight--;
					return;
				}
				next = takeBatch();
			}
			send(next);
		}

		/** Takes up to a batch of waiting enqueues; the caller holds the lock. */
		private List<Pending> takeBatch() {
			List<Pending> batch = new ArrayList<>(Math.min(this.waiting.size(), MAX_BATCH));
			while (!this.waiting.isEmpty() && batch.size() < MAX_BATCH) {
				Pending pending = this.waiting.poll();
				if (!pending.result.isDone()) {
					batch.add(pending);
				}
			}
			return batch;
		}

	}

	/** One caller's enqueue. */
	private static final class Pending {

		private final NewTask task;

		private final CompletableFuture<EnqueueResult> result;

		private final AtomicBoolean left = new AtomicBoolean();

		private volatile Batch batch;

		Pending(NewTask task, CompletableFuture<EnqueueResult> result) {
			this.task = task;
			this.result = result;
		}

		void join(Batch batch) {
			this.batch = batch;
			if (this.result.isCancelled()) {
				leaveBatch();
			}
		}

		/** Leaves the sent batch, once, however cancel and join interleave. */
		void leaveBatch() {
			Batch joined = this.batch;
			if (joined != null && this.left.compareAndSet(false, true)) {
				joined.leave();
			}
		}

	}

	/** A sent script, cancelled when the last of its callers gives up. */
	private static final class Batch {

		private final CompletableFuture<?> command;

		private final AtomicInteger callers;

		Batch(CompletableFuture<?> command, int callers) {
			this.command = command;
			this.callers = new AtomicInteger(callers);
		}

		void leave() {
			if (this.callers.decrementAndGet() == 0) {
				this.command.cancel(false);
			}
		}

	}

}
