/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import dev.cleo.queue.redis.ClaimBatch;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.TaskStore;

/**
 * Claims work for free slots across the queues of a pool: in the configured order
 * (strict), or in an order drawn by weight for each round (weighted), taking as much as
 * possible from each queue before moving on to the next.
 */
final class QueueClaimer {

	private final TaskStore store;

	private final WorkerPoolOptions options;

	private final String worker;

	private final RandomGenerator random;

	QueueClaimer(TaskStore store, WorkerPoolOptions options, String worker, RandomGenerator random) {
		this.store = store;
		this.options = options;
		this.worker = worker;
		this.random = random;
	}

	/**
	 * Claim up to {@code slots} tasks; the batch's next-due time is the earliest across
	 * queues.
	 */
	ClaimBatch claim(int slots) {
		List<ClaimedTask> tasks = new ArrayList<>(slots);
		long nextDue = ClaimBatch.NOTHING_DELAYED;
		for (String queue : order()) {
			ClaimBatch batch = this.store.claim(queue, slots - tasks.size(), this.options.lease(), this.worker);
			tasks.addAll(batch.tasks());
			if (tasks.size() == slots) {
				return new ClaimBatch(tasks, ClaimBatch.MORE_READY);
			}
			if (batch.nextDueMillis() >= 0) {
				nextDue = (nextDue < 0) ? batch.nextDueMillis() : Math.min(nextDue, batch.nextDueMillis());
			}
		}
		return new ClaimBatch(tasks, nextDue);
	}

	List<String> order() {
		List<String> queues = new ArrayList<>(this.options.queues().keySet());
		if (this.options.selection() == WorkerPoolOptions.QueueSelection.STRICT || queues.size() == 1) {
			return queues;
		}
		return weightedOrder(this.options.queues(), this.random);
	}

	/**
	 * Draws queues one by one, each with probability in proportion to its weight among
	 * those left.
	 */
	static List<String> weightedOrder(Map<String, Integer> weights, RandomGenerator random) {
		List<String> left = new ArrayList<>(weights.keySet());
		List<String> order = new ArrayList<>(left.size());
		while (!left.isEmpty()) {
			int total = left.stream().mapToInt(weights::get).sum();
			int pick = random.nextInt(total);
			for (int i = 0; i < left.size(); i++) {
				pick -= weights.get(left.get(i));
				if (pick < 0) {
					order.add(left.remove(i));
					break;
				}
			}
		}
		return order;
	}

}
