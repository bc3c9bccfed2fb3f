/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.worker.WorkerPoolOptions;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.SmartLifecycle;

/**
 * The one lifecycle of this instance's worker pools, after Spring Kafka's
 * {@code KafkaListenerEndpointRegistry}. Once every bean exists it makes a
 * {@link ManagedWorkerPool} bean ({@code cleoWorkerPool.<name>}) for each pool of the
 * {@link WorkerPoolPlan}. It starts them in the last phase, once every other bean (a web
 * server too) is up, and stops them first: a stop takes no new tasks, lets running ones
 * finish for up to {@code cleo.worker.shutdown-timeout}, then hands the rest back to the
 * queue, each pool on its own thread so that they drain side by side.
 */
public class WorkerPoolRegistry implements SmartLifecycle, SmartInitializingSingleton, BeanFactoryAware {

	/** Prefix of the names of the worker pool beans. */
	public static final String POOL_BEAN_PREFIX = "cleoWorkerPool.";

	private final QueueManager manager;

	private final WorkerPoolPlan plan;

	private final ApplicationQueues queues;

	private @Nullable BeanFactory beanFactory;

	private volatile Map<String, ManagedWorkerPool> pools = Map.of();

	private volatile boolean running;

	/**
	 * A registry of the planned pools.
	 * @param manager the manager that runs the pools
	 * @param plan the pools to run
	 * @param queues learns the queues the pools serve
	 */
	public WorkerPoolRegistry(QueueManager manager, WorkerPoolPlan plan, ApplicationQueues queues) {
		this.manager = manager;
		this.plan = plan;
		this.queues = queues;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, ManagedWorkerPool> pools = new LinkedHashMap<>();
		for (WorkerPoolOptions options : this.plan.pools()) {
			this.queues.addAll(options.queues().keySet());
			pools.put(options.name(), register(new ManagedWorkerPool(this.manager, options)));
		}
		this.pools = Collections.unmodifiableMap(pools);
	}

	/**
	 * A bean definition rather than a registered singleton: the pool is a bean like any
	 * other (listed, post-processed, destroyed with the context).
	 */
	private ManagedWorkerPool register(ManagedWorkerPool pool) {
		if (!(this.beanFactory instanceof BeanDefinitionRegistry registry)) {
			return pool;
		}
		String name = POOL_BEAN_PREFIX + pool.options().name();
		registry.registerBeanDefinition(name, new RootBeanDefinition(ManagedWorkerPool.class, () -> pool));
		return this.beanFactory.getBean(name, ManagedWorkerPool.class);
	}

	/**
	 * @return the pools, in the order they start
	 */
	public Collection<ManagedWorkerPool> pools() {
		return this.pools.values();
	}

	/**
	 * A pool by name, to stop or start it on its own.
	 * @param name the pool's name ({@code cleo.worker.pools.<name>}, or its queue)
	 * @return the pool, or {@code null} when there is none of that name
	 */
	public @Nullable ManagedWorkerPool pool(String name) {
		return this.pools.get(name);
	}

	@Override
	public synchronized void start() {
		this.pools.values().forEach(ManagedWorkerPool::start);
		this.running = true;
	}

	@Override
	public void stop() {
		CountDownLatch stopped = new CountDownLatch(1);
		stop(stopped::countDown);
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		List<ManagedWorkerPool> running = this.pools.values().stream().filter(ManagedWorkerPool::isRunning).toList();
		if (running.isEmpty()) {
			callback.run();
			return;
		}
		AtomicInteger left = new AtomicInteger(running.size());
		for (ManagedWorkerPool pool : running) {
			new Thread(() -> {
				try {
					pool.stop();
				}
				finally {
					if (left.decrementAndGet() == 0) {
						callback.run();
					}
				}
			}, "cleo-stop-" + pool.options().name()).start();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The last phase to start and the first to stop: before the
	 * {@code LettuceConnectionFactory} (phase 0), so the pools hand their running tasks
	 * back while the connection is open, provided they stop within
	 * {@code spring.lifecycle.timeout-per-shutdown-phase}
	 * ({@link CleoSettings#shutdownTimeout()} ends before it).
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
