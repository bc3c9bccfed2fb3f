/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per queue, when tasks are enqueued to a queue that no worker pool serves:
 * none of this manager's running pools, and no pool on any instance whose presence in
 * Redis is fresh. Such tasks wait until a pool for the queue starts, and nothing else
 * says so. The enqueue path asks at most once per queue per registry refresh (see
 * {@link TaskWriter}), and the presence is read without waiting, so an enqueue never pays
 * a round trip for it. A queue found served again warns again if it loses its pools
 * later.
 */
final class UnservedQueueWarning {

	private static final Logger logger = LoggerFactory.getLogger(UnservedQueueWarning.class);

	private final QueueEngine engine;

	private final Predicate<String> servedHere;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * @param engine the engine, to read the pools' presence
	 * @param servedHere whether one of this manager's running pools serves a queue
	 */
	UnservedQueueWarning(QueueEngine engine, Predicate<String> servedHere) {
		this.engine = engine;
		this.servedHere = servedHere;
	}

	/**
	 * Check a queue tasks were just enqueued to; warns later, off the caller's thread.
	 */
	void check(String queue) {
		if (this.servedHere.test(queue)) {
			this.warned.remove(queue);
			return;
		}
		// A failed read says nothing: the enqueue's own outcome tells of Redis trouble.
		this.engine.admin().hasPresentPool(queue, this.engine.clock().millis()).thenAccept((served) -> {
			if (served) {
				this.warned.remove(queue);
			}
			else if (this.warned.add(queue)) {
				logger.warn("No worker pool serves queue '{}', on this instance or any other seen in Redis: "
						+ "its tasks wait until one does. Start a pool for it (QueueManager.startWorkers; with "
						+ "the Spring Boot starter, a task method or handler of the queue or an entry under "
						+ "cleo.queues.{} on an instance whose cleo.worker.enabled is not false), "
						+ "or enqueue to a queue that has one", queue, queue);
			}
		});
	}

}
