/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.redis.Lease;
import dev.cleo.queue.redis.TaskStore;

/**
 * The last step of a graceful stop: hand back the leases of tasks still running, so other
 * workers take them at once instead of after their leases expire.
 */
final class PoolShutdown {

	private static final Logger logger = LoggerFactory.getLogger(PoolShutdown.class);

	private PoolShutdown() {
	}

	static void handBack(TaskStore store, Collection<RunningTask> running) {
		Map<String, List<Lease>> byQueue = new LinkedHashMap<>();
		for (RunningTask task : running) {
			if (task.handBack()) {
				byQueue.computeIfAbsent(task.task().queue(), (q) -> new ArrayList<>()).add(task.lease());
			}
		}
		byQueue.forEach((queue, leases) -> {
			try {
				int released = store.release(queue, leases);
				logger.info("Handed {} running tasks on queue '{}' back at shutdown", released, queue);
			}
			catch (QueueException ex) {
				logger.warn(
						"Could not hand {} tasks on queue '{}' back ({}); they run again when their leases " + "expire",
						leases.size(), queue, ex.getMessage());
			}
		});
	}

}
