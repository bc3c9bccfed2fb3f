/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.cleo.queue.redis.QueueAdminStore;

/**
 * Reads what the queues look like across instances: the registry of known queues and each
 * queue's counts, paused flag and the worker pools present on it (a pool that died
 * without stopping drops out once its presence is stale, see
 * {@link QueueAdminStore#presentPools}).
 */
final class QueueInspector {

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
		List<WorkerInfo> workers = new ArrayList<>(admin.presentPools(queue, this.engine.clock().millis()));
		workers.sort(Comparator.comparing(WorkerInfo::instanceId).thenComparing(WorkerInfo::pool));
		return new QueueInfo(queue, this.engine.store().counts(queue), admin.isPaused(queue), List.copyOf(workers));
	}

}
