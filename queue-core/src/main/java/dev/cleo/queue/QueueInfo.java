/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.List;

/**
 * What a queue looks like right now, across every instance that uses it.
 *
 * @param name the queue
 * @param counts its tasks by place
 * @param paused whether claiming from it is paused
 * @param workers the worker pools serving it, on any instance, whose presence is fresh
 * (written within their heartbeat window)
 */
public record QueueInfo(String name, QueueCounts counts, boolean paused, List<WorkerInfo> workers) {

	/**
	 * The distinct instances whose pools serve the queue.
	 * @return the instance ids, sorted
	 */
	public List<String> instances() {
		return this.workers.stream().map(WorkerInfo::instanceId).distinct().sorted().toList();
	}

}
