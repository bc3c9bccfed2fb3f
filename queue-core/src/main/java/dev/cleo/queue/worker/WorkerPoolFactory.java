/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import dev.cleo.queue.Retention;
import dev.cleo.queue.TaskEnqueuer;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.TaskSerializer;
import dev.cleo.queue.event.TaskEventBus;
import dev.cleo.queue.observation.TaskObservations;
import dev.cleo.queue.redis.QueueAdminStore;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.TaskStore;

/**
 * Internal, not API: how a {@code QueueManager} builds its worker pools on the engine
 * around them. Public only because the manager lives in another package; applications get
 * pools from {@code QueueManager.startWorkers}.
 */
public final class WorkerPoolFactory {

	/** The engine around a pool, by pool name. */
	private final Function<String, WorkerServices> services;

	/**
	 * Hold the engine's parts that every pool of one manager shares.
	 * @param store the task store
	 * @param admin queue-wide operations (registry, worker reports)
	 * @param connector the connections, for blocking waits
	 * @param handlers the handler of a task name, or {@code null}
	 * @param serializer payload and result conversion
	 * @param events the event bus
	 * @param clock the clock
	 * @param retention how long finished tasks are kept
	 * @param enqueuer enqueues child tasks
	 * @param maxLogLines how many log lines a task keeps
	 * @param instanceId this process's id in task records; a pool's worker id is
	 * {@code <instance id>/<pool name>}
	 * @param commandTimeout how long a call waits for Redis
	 * @param observations what attempts report to Micrometer, if anything
	 * @param maxErrorLength the most characters of a failure's stored error
	 */
	public WorkerPoolFactory(TaskStore store, QueueAdminStore admin, RedisConnector connector,
			Function<String, TaskHandler> handlers, TaskSerializer serializer, TaskEventBus events, Clock clock,
			Retention retention, TaskEnqueuer enqueuer, int maxLogLines, String instanceId, Duration commandTimeout,
			TaskObservations observations, int maxErrorLength) {
		// Each pool stores its own worker id with the tasks it runs.
		this.services = (pool) -> new WorkerServices(store, admin, connector, handlers, serializer, events, clock,
				retention, enqueuer, maxLogLines, instanceId + "/" + pool, commandTimeout, observations,
				maxErrorLength);
	}

	/**
	 * Create a pool; it does nothing until {@link WorkerPool#start()}.
	 * @param options how it runs
	 * @return the pool
	 */
	public WorkerPool create(WorkerPoolOptions options) {
		return new WorkerPool(options, this.services.apply(options.name()));
	}

}
