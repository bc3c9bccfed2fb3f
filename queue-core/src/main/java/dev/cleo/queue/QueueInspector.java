/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.cleo.queue.redis.QueueAdminStore;
import dev.cleo.queue.redis.RedisKeys;

/**
 * Reads what the queues look like across instances: the registry of known queues and each
 * queue's counts, paused flag and worker pool reports. A report not refreshed for
 * {@value #STALE_HEARTBEATS} of its pool's heartbeats belongs to a pool that died without
 * stopping; it is left out and removed.
 */
final class QueueInspector {

	private static final int STALE_HEARTBEATS = 3;

	private final QueueEngine engine;

	QueueInspector(QueueEngine engine) {
		this.engine = engine;
	}

	List<String> queues() {
		List<String> queues = this.engine.admin().queues();
		queues.sort(Comparator.naturalOrder());
		return queues;
	}

	QueueInfo queueInfo(String queue) {
		QueueAdminStore admin = this.engine.admin();
		long now = this.engine.clock().millis();
		List<WorkerInfo> workers = new ArrayList<>();
		List<String> stale = new ArrayList<>();
		for (Map.Entry<String, String> report : admin.workers(queue).entrySet()) {
			WorkerInfo worker = parse(report.getKey(), report.getValue(), now);
			if (worker != null) {
				workers.add(worker);
			}
			else {
				stale.add(report.getKey());
			}
		}
		admin.removeWorkers(queue, stale);
		workers.sort(Comparator.comparing(WorkerInfo::instanceId).thenComparing(WorkerInfo::pool));
		return new QueueInfo(queue, this.engine.store().counts(queue), admin.isPaused(queue), List.copyOf(workers));
	}

	/** A queue's delayed tasks, soonest first: every one, not only schedule runs. */
	List<TaskInfo> delayed(String queue, int limit) {
		if (limit < 1 || limit > 10_000) {
			throw new InvalidTaskOptionException("limit must be between 1 and 10000, was " + limit);
		}
		return this.engine.store().delayed(RedisKeys.checkQueueName(queue), limit);
	}

	/**
	 * Read {@code concurrency|active|seen_at|heartbeat_ms|instance} under field
	 * {@code <instance>/<pool>}; null when stale or unreadable.
	 */
	private static WorkerInfo parse(String field, String report, long now) {
		String[] parts = report.split("\\|", 5);
		if (parts.length < 5) {
			return null;
		}
		try {
			long seenAt = Long.parseLong(parts[2]);
			if (now - seenAt > STALE_HEARTBEATS * Long.parseLong(parts[3])) {
				return null;
			}
			String instance = parts[4];
			String pool = field.startsWith(instance + "/") ? field.substring(instance.length() + 1) : field;
			return new WorkerInfo(instance, pool, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
					Instant.ofEpochMilli(seenAt));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
