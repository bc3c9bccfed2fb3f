/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.Texts;
import dev.cleo.queue.redis.Lease;
import dev.cleo.queue.redis.LostLease;

/**
 * The heartbeat: extends the leases of all running tasks in one script call per queue. A
 * task whose lease turns out lost is flagged, so its handler can see
 * {@code isLeaseLost()} and its outcome is known to be void; one that was cancelled or
 * removed with its queue meanwhile is handed to the pool to be stopped (its handler
 * interrupted, its slot freed), since nothing will ever record its outcome. Learning it
 * here, on the pool's timer, does not depend on the handler's thread at all.
 */
final class LeaseKeeper implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(LeaseKeeper.class);

	private final WorkerServices services;

	private final WorkerPoolOptions options;

	private final Map<String, RunningTask> running;

	private final Consumer<RunningTask> ended;

	LeaseKeeper(WorkerServices services, WorkerPoolOptions options, Map<String, RunningTask> running,
			Consumer<RunningTask> ended) {
		this.services = services;
		this.options = options;
		this.running = running;
		this.ended = ended;
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
			for (LostLease lost : this.services.store().extend(queue, leases, this.options.lease())) {
				RunningTask task = tasks.get(lost.token());
				// A task that finished while the heartbeat was on its way was acked, not
				// lost.
				if (task != null && this.running.get(lost.token()) == task && !task.handedBack()) {
					lost(task, lost.reason());
				}
			}
		}
		catch (QueueException ex) {
			logger.warn("Could not extend {} leases on queue '{}': {}", leases.size(), queue, ex.getMessage());
		}
	}

	private void lost(RunningTask task, LostLease.Reason reason) {
		if (reason == LostLease.Reason.EXPIRED) {
			task.loseLease();
			logger.warn("Lease on task {} ({}) was lost while it ran; it will run again elsewhere", task.task().id(),
					Texts.quote(task.task().name()));
			return;
		}
		logger.info("Task {} ({}) on queue '{}' was {} while it ran: its handler is interrupted", task.task().id(),
				Texts.quote(task.task().name()), task.task().queue(),
				(reason == LostLease.Reason.CANCELLED) ? "cancelled" : "removed with its queue");
		this.ended.accept(task);
	}

}
