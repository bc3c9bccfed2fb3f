/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.Texts;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Warns, once every bean exists, about each {@code cleo.queues.<name>} that no task
 * method, handler bean, {@code cleo.worker.pools} entry or HTTP API mapping uses: most
 * often a typo, which leaves the queue meant with the defaults while a pool of its own
 * waits on a queue nobody fills. Internal.
 */
final class UnusedQueueWarning implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(UnusedQueueWarning.class);

	private final Collection<String> configured;

	private final Supplier<Set<String>> used;

	/**
	 * A warning.
	 * @param configured the queues under {@code cleo.queues}
	 * @param used the queues the application uses, asked once every bean exists
	 */
	UnusedQueueWarning(Collection<String> configured, Supplier<Set<String>> used) {
		this.configured = configured;
		this.used = used;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<String> unused = new TreeSet<>(this.configured);
		unused.removeAll(this.used.get());
		for (String queue : unused) {
			logger.warn("cleo.queues.{} is configured, but no @Task method, TaskHandler bean, cleo.worker.pools entry "
					+ "or cleo.web.api.task-queues mapping uses queue {}: check the name against @QueueClass(queue) "
					+ "and @Task(queue)", queue, Texts.quote(queue));
		}
	}

}
