/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.redis.Lease;

/**
 * The heartbeat: extends the leases of all running tasks in one script call per queue. A
 * task whose lease turns out lost is flagged, so its handler can see
 * {@code isLeaseLost()} and its outcome is known to be void.
 */
final class LeaseKeeper implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(LeaseKeeper.class);

	private final WorkerServices services;

	private final WorkerPoolOptions options;

	private final Map<String, RunningTask> running;

	LeaseKeeper(WorkerServices services, WorkerPoolOptions options, Map<String, RunningTask> running) {
		this.services = services;
		this.options = options;
		this.running = running;
	}

	@Override
	public void run() {
		Map<String, Map<String, RunningTask>> byQueue = new LinkedHashMap<>();
		for (RunningTask task : this.running.values()) {
			byQueue.computeIfAbsent(task.task().queue(), (q) -> new LinkedHashMap<>()).put(task.task().token(), task);
		}
		byQueue.forEach(this::extend);
	}

	/** Extend one queue's leases; {@code tasks} is keyed by lease token. */
	private void extend(String queue, Map<String, RunningTask> tasks) {
		List<Lease> leases = new ArrayList<>(tasks.size());
		tasks.values().forEach((task) -> leases.add(task.lease()));
		try {
			for (String lostToken : this.services.store().extend(queue, leases, this.options.lease())) {
				RunningTask task = tasks.get(lostToken);
				// A task that finished while the heartbeat was on its way was acked, not
				// lost.
				if (task != null && this.running.get(lostToken) == task && !task.handedBack()) {
					task.loseLease();
					logger.warn("Lease on task {} ({}) was lost while it ran; it will run again elsewhere",
							task.task().id(), task.task().name());
				}
			}
		}
		catch (QueueException ex) {
			logger.warn("Could not extend {} leases on queue '{}': {}", leases.size(), queue, ex.getMessage());
		}
	}

}
