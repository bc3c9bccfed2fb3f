/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cleo.queue.WorkerInfo;
import dev.cleo.queue.history.StatsTotals;

/**
 * A worker pool as {@code GET /api/workers} shows it: where it runs, what it serves, how
 * busy it is and how it did over the last hour.
 *
 * @param instance the instance it runs on
 * @param pool its name
 * @param queues the application's queues it serves
 * @param concurrency how many jobs it runs at once
 * @param busy how many it was running (over those queues) when it last wrote its presence
 * @param seenAt when it last wrote its presence (ISO-8601)
 * @param lastHour its attempts in those queues over the hour before the call
 */
public record WorkerView(String instance, String pool, List<String> queues, int concurrency, int busy, String seenAt,
		LastHour lastHour) {

	/**
	 * A pool's attempts over the last hour.
	 *
	 * @param processed attempts that ended
	 * @param failed failed, timed-out and lease-expired attempts
	 * @param successRate completed per attempt, 0 to 1 (0 without attempts)
	 */
	public record LastHour(long processed, long failed, double successRate) {

		/**
		 * A pool's last hour over its queues.
		 * @param perQueue the pool's totals in each of its queues
		 * @return the sums
		 */
		static LastHour of(List<StatsTotals> perQueue) {
			long attempts = perQueue.stream().mapToLong(StatsTotals::attempts).sum();
			long completed = perQueue.stream().mapToLong(StatsTotals::completed).sum();
			long failed = perQueue.stream().mapToLong(StatsTotals::failures).sum();
			return new LastHour(attempts, failed, (attempts > 0) ? (double) completed / attempts : 0);
		}

	}

	/** A pool's presence gathered over the queues it serves. Internal. */
	static final class Presence {

		private final WorkerInfo first;

		private final List<String> queues = new ArrayList<>();

		private int busy;

		private Instant seenAt;

		Presence(WorkerInfo first) {
			this.first = first;
			this.seenAt = first.seenAt();
		}

		void add(String queue, WorkerInfo info) {
			this.queues.add(queue);
			this.busy += info.active();
			this.seenAt = info.seenAt().isAfter(this.seenAt) ? info.seenAt() : this.seenAt;
		}

		/** The pool's id in history: {@code <instance id>/<pool name>}. */
		String worker() {
			return this.first.instanceId() + "/" + this.first.pool();
		}

		List<String> queues() {
			return this.queues;
		}

		WorkerView view(LastHour lastHour) {
			return new WorkerView(this.first.instanceId(), this.first.pool(), List.copyOf(this.queues),
					this.first.concurrency(), this.busy, this.seenAt.toString(), lastHour);
		}

	}

}
