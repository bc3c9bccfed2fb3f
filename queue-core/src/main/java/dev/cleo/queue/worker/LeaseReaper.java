/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.ExpiredLease;
import dev.cleo.queue.redis.Outcome;

/**
 * Finds leases whose holder stopped renewing them (a crashed or cut-off worker) and fails
 * those attempts through the ordinary ack path, fenced by the expired token: an expired
 * lease is a failed attempt, retried with the task's backoff or sent to the dead-letter
 * queue. Any node may reap; each run handles a bounded number of leases.
 */
final class LeaseReaper implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(LeaseReaper.class);

	private static final int LIMIT = 100;

	private final WorkerServices services;

	private final WorkerPoolOptions options;

	private final AttemptRecorder recorder;

	LeaseReaper(WorkerServices services, WorkerPoolOptions options, AttemptRecorder recorder) {
		this.services = services;
		this.options = options;
		this.recorder = recorder;
	}

	@Override
	public void run() {
		for (String queue : this.options.queues().keySet()) {
			try {
				reap(queue);
			}
			catch (QueueException ex) {
				logger.debug("Could not reap expired leases on queue '{}': {}", queue, ex.getMessage());
			}
		}
	}

	private void reap(String queue) {
		List<ExpiredLease> expired = this.services.store().expiredLeases(queue, LIMIT);
		if (expired.isEmpty()) {
			return;
		}
		List<FinishedAttempt> failures = new ArrayList<>(expired.size());
		for (ExpiredLease lease : expired) {
			ClaimedTask task = new ClaimedTask(queue, lease.id(), lease.token(), "", "", lease.attempt(),
					lease.maxAttempts(), 0, lease.backoff(), 0);
			String error = "Lease expired: worker " + lease.worker() + " stopped renewing it (crashed or cut off)";
			long retryAt = TaskRunner.retryAt(lease.backoff(), lease.attempt(), this.services.clock());
			failures.add(new FinishedAttempt(task,
					new Outcome(queue, lease.id(), lease.token(), Outcome.Kind.LEASE_EXPIRED, error, retryAt),
					Duration.ZERO));
		}
		logger.info("Reaping {} expired leases on queue '{}'", expired.size(), queue);
		this.recorder.record(failures, this.services.commandTimeout());
	}

}
