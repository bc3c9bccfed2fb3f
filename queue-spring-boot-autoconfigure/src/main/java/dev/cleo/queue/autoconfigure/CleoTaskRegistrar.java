/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Set;
import java.util.function.Supplier;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.autoconfigure.aop.TaskDefinitionException;
import dev.cleo.queue.autoconfigure.aop.TaskMethodRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers the tasks this application handles, once every bean exists (only then has the
 * proxy post-processor found every task method) and so before any pool starts: a handler
 * per task method and each {@link TaskHandler} bean under its bean name, on the manager;
 * the queues they serve, in {@link ApplicationQueues}.
 */
final class CleoTaskRegistrar implements SmartInitializingSingleton {

	private final QueueManager manager;

	private final TaskMethodRegistry tasks;

	private final ListableBeanFactory beans;

	private final Supplier<Set<String>> handledQueues;

	private final ApplicationQueues known;

	CleoTaskRegistrar(QueueManager manager, TaskMethodRegistry tasks, ListableBeanFactory beans,
			Supplier<Set<String>> handledQueues, ApplicationQueues known) {
		this.manager = manager;
		this.tasks = tasks;
		this.beans = beans;
		this.handledQueues = handledQueues;
		this.known = known;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.tasks.handlers(this.beans::getBean).forEach(this.manager::register);
		this.beans.getBeansOfType(TaskHandler.class).forEach((name, handler) -> {
			if (this.tasks.ids().contains(name)) {
				throw new TaskDefinitionException("TaskHandler bean '" + name + "' has the name of a task method",
						"Rename the bean or give the task method another id with @Task(id = \"...\").");
			}
			this.manager.register(name, handler);
		});
		this.known.addAll(this.handledQueues.get());
	}

}
