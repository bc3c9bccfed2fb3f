/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.aop.TaskMethodRegistry;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The queues the application's handlers serve: those of its task methods, and the
 * {@code default} queue when it has {@link TaskHandler} beans, since those know no queue.
 * Complete once every bean exists. Internal.
 */
final class HandledQueues implements Supplier<Set<String>> {

	private final TaskMethodRegistry tasks;

	private final ListableBeanFactory beans;

	HandledQueues(TaskMethodRegistry tasks, ListableBeanFactory beans) {
		this.tasks = tasks;
		this.beans = beans;
	}

	/**
	 * @return the queues, sorted
	 */
	@Override
	public Set<String> get() {
		Set<String> queues = new TreeSet<>(this.tasks.queues());
		if (this.beans.getBeanNamesForType(TaskHandler.class).length > 0) {
			queues.add(TaskOptions.DEFAULT_QUEUE);
		}
		return queues;
	}

}
