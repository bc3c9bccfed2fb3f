/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
	 * queues. When a later queue fails after an earlier one leased tasks, those tasks are
	 * returned rather than lost.
	 */
	CompletableFuture<ClaimBatch> claim(int slots) {
		return claimFrom(order(), 0, slots, new ArrayList<>(slots), ClaimBatch.NOTHING_DELAYED);
	}

	private CompletableFuture<ClaimBatch> claimFrom(List<String> queues, int index, int slots, List<ClaimedTask> tasks,
			long nextDue) {
		if (index == queues.size()) {
			return CompletableFuture.completedFuture(new ClaimBatch(tasks, nextDue));
		}
		return this.store.claimAsync(queues.get(index), slots - tasks.size(), this.options.lease(), this.worker)
			.handle((batch, error) -> {
				if (error != null) {
					return tasks.isEmpty() ? CompletableFuture.<ClaimBatch>failedFuture(error)
							: CompletableFuture.completedFuture(new ClaimBatch(tasks, ClaimBatch.MORE_READY));
				}
				tasks.addAll(batch.tasks());
				if (tasks.size() == slots) {
					return CompletableFuture.completedFuture(new ClaimBatch(tasks, ClaimBatch.MORE_READY));
				}
				return claimFrom(queues, index + 1, slots, tasks, earliest(nextDue, batch.nextDueMillis()));
			})
			.thenCompose((next) -> next);
	}

	private static long earliest(long nextDue, long due) {
		if (due < 0) {
			return nextDue;
		}
		return (nextDue < 0) ? due : Math.min(nextDue, due);
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
