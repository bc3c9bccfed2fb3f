/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.aop.TaskProxyPostProcessor;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.worker.WorkerPoolOptions;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Once every bean exists: registers a handler for each task method and each
 * {@link TaskHandler} bean (under its bean name), then, unless
 * {@code cleo.worker.enabled=false}, adds one {@link WorkerPoolLifecycle} per worker
 * pool, for the queues of those tasks and the queues named under {@code cleo.queues}.
 * Handler beans know no queue, so they add the {@code default} queue. Declared schedules
 * are handed to a {@link ScheduleReconciler}, and {@code cleo.schedules.enabled} decides
 * whether this instance fires.
 */
final class CleoTaskRegistrar implements SmartInitializingSingleton {

	/** Prefix of the names of the worker pool beans. */
	static final String POOL_BEAN_PREFIX = "cleoWorkerPool.";

	/** The name of the bean that reconciles declared schedules at start. */
	static final String RECONCILER_BEAN = "cleoScheduleReconciler";

	private final ConfigurableListableBeanFactory beanFactory;

	private final TaskProxyPostProcessor proxies;

	private final CleoSettings settings;

	CleoTaskRegistrar(ConfigurableListableBeanFactory beanFactory, TaskProxyPostProcessor proxies,
			CleoSettings settings) {
		this.beanFactory = beanFactory;
		this.proxies = proxies;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		QueueManager manager = this.beanFactory.getBean(QueueManager.class);
		new GroupSettingsWriter(this.settings.properties().getQueues()).writeTo(manager);
		this.proxies.registerHandlers(manager, this.beanFactory);
		Set<String> queues = new TreeSet<>(this.proxies.registry().queues());
		Map<String, TaskHandler> handlers = this.beanFactory.getBeansOfType(TaskHandler.class);
		handlers.forEach((name, handler) -> {
			if (this.proxies.registry().ids().contains(name)) {
				throw new TaskDefinitionException("TaskHandler bean '" + name + "' has the name of a task method",
						"Rename the bean or give the task method another id with @Task(id = \"...\").");
			}
			manager.register(name, handler);
		});
		if (!handlers.isEmpty()) {
			queues.add(TaskOptions.DEFAULT_QUEUE);
		}
		ApplicationQueues known = this.beanFactory.getBean(ApplicationQueues.class);
		known.addAll(queues);
		// Before any pool starts, since starting one turns firing on.
		manager.schedules().setFiringAllowed(this.settings.schedules().enabled());
		List<Schedule> declared = this.proxies.registry().schedules();
		ScheduleReconciler.checkOwner(declared, this.settings.schedules());
		this.beanFactory.registerSingleton(RECONCILER_BEAN,
				new ScheduleReconciler(manager, declared, this.settings.schedules()));
		if (this.settings.properties().getWorker().isEnabled()) {
			for (WorkerPoolOptions pool : new WorkerPoolPlanner(this.settings).plan(queues)) {
				known.addAll(pool.queues().keySet());
				this.beanFactory.registerSingleton(POOL_BEAN_PREFIX + pool.name(),
						new WorkerPoolLifecycle(manager, pool));
			}
		}
	}

}
