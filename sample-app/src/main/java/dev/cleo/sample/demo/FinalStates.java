/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.demo;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;

/**
 * Follows the demo's tasks through task events: logs each retry and remembers which tasks
 * completed or died, so the demo can wait for all of them without polling Redis.
 */
final class FinalStates {

	private static final Logger logger = LoggerFactory.getLogger(FinalStates.class);

	private final Set<String> finished = new HashSet<>();

	private FinalStates() {
	}

	/**
	 * Start following; call before enqueueing so no event is missed.
	 */
	static FinalStates watch(QueueManager queues) {
		FinalStates states = new FinalStates();
		queues.onTaskEvent(states::onEvent, ObserverEvent.COMPLETED, ObserverEvent.RETRIED, ObserverEvent.DEAD);
		return states;
	}

	/**
	 * Wait until every given task completed or died.
	 * @return false when some were still unfinished at the limit
	 */
	synchronized boolean await(List<TaskHandle<Object>> handles, Duration limit) {
		List<String> ids = handles.stream().map(TaskHandle::id).toList();
		long deadline = System.nanoTime() + limit.toNanos();
		try {
			while (!this.finished.containsAll(ids)) {
				long millis = (deadline - System.nanoTime()) / 1_000_000;
				if (millis <= 0) {
					logger.warn("Not every demo task finished within {} s", limit.toSeconds());
					return false;
				}
				wait(millis);
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private synchronized void onEvent(TaskEvent event) {
		if (event.type() == ObserverEvent.RETRIED) {
			logger.info("Task {} ({}) failed attempt {}; it will retry: {}", event.taskId(), event.taskName(),
					event.attempt(), event.detail());
			return;
		}
		logger.info("Task {} ({}) is {} after attempt {}", event.taskId(), event.taskName(),
				event.type().name().toLowerCase(Locale.ROOT), event.attempt());
		this.finished.add(event.taskId());
		notifyAll();
	}

}
