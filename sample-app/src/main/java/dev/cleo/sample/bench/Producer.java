/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;

/**
 * Enqueues no-op tasks in batches of {@value #BATCH_SIZE} from the calling thread. With
 * one batch in flight it calls {@code enqueueAll} batch after batch (the baseline); with
 * more it keeps that many {@code enqueueAllAsync} batches on their way to Redis at once.
 */
final class Producer {

	/** Tasks per enqueue call. */
	static final int BATCH_SIZE = 1_000;

	private final QueueManager manager;

	private final String taskName;

	private final TaskOptions options;

	private final int batchesInFlight;

	private final int groups;

	Producer(QueueManager manager, String taskName, TaskOptions options, int batchesInFlight) {
		this(manager, taskName, options, batchesInFlight, 0);
	}

	private Producer(QueueManager manager, String taskName, TaskOptions options, int batchesInFlight, int groups) {
		this.manager = manager;
		this.taskName = taskName;
		this.options = options;
		this.batchesInFlight = batchesInFlight;
		this.groups = groups;
	}

	/**
	 * This producer, putting task {@code i} in group {@code g<i % groups>}.
	 * @param groups how many groups the tasks are dealt to
	 * @return a producer of grouped tasks
	 */
	Producer inGroups(int groups) {
		return new Producer(this.manager, this.taskName, this.options, this.batchesInFlight, groups);
	}

	/**
	 * Enqueue tasks and return once Redis acknowledged every one.
	 * @param count how many
	 * @throws InterruptedException when interrupted while batches are in flight
	 */
	void enqueue(int count) throws InterruptedException {
		if (this.batchesInFlight == 1) {
			for (int from = 0; from < count; from += BATCH_SIZE) {
				this.manager.enqueueAll(batch(from, count));
			}
			return;
		}
		Semaphore permits = new Semaphore(this.batchesInFlight);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		for (int from = 0; from < count && failure.get() == null; from += BATCH_SIZE) {
			permits.acquire();
			this.manager.enqueueAllAsync(batch(from, count)).whenComplete((handles, ex) -> {
				failure.compareAndSet(null, ex);
				permits.release();
			});
		}
		permits.acquire(this.batchesInFlight);
		if (failure.get() != null) {
			throw new IllegalStateException("Enqueueing bench tasks failed: " + failure.get().getMessage(),
					failure.get());
		}
	}

	/** The payload is the task's index: a few bytes, like a typical id-carrying task. */
	private List<TaskRequest> batch(int from, int count) {
		int to = Math.min(count, from + BATCH_SIZE);
		List<TaskRequest> batch = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			TaskOptions options = (this.groups > 0) ? this.options.group("g" + (i % this.groups)) : this.options;
			batch.add(TaskRequest.of(this.taskName, i, options));
		}
		return batch;
	}

}
