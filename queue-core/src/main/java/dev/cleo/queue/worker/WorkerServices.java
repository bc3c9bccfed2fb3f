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
import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.observation.TaskObservations;
import dev.cleo.queue.redis.QueueAdminStore;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.TaskStore;

/**
 * What a worker pool needs from the engine around it. Internal.
 *
 * @param store the task store
 * @param admin queue-wide operations (registry, worker pool presence)
 * @param connector the connections, for blocking waits
 * @param handlers the handler of a task name, or {@code null}
 * @param serializer payload and result conversion
 * @param events the event bus
 * @param clock the clock
 * @param retention how long finished tasks are kept
 * @param enqueuer enqueues child tasks
 * @param maxLogLines how many log lines a task keeps
 * @param workerId this pool's worker id, {@code <instance id>/<pool name>}, stored with
 * the tasks it runs
 * @param commandTimeout how long a call waits for Redis
 * @param observations what attempts report to Micrometer, if anything
 * @param maxErrorLength the most characters of a failure's stored error
 */
record WorkerServices(TaskStore store, QueueAdminStore admin, RedisConnector connector,
		Function<String, TaskHandler> handlers, TaskSerializer serializer, TaskEventBus events, Clock clock,
		Retention retention, TaskEnqueuer enqueuer, int maxLogLines, String workerId, Duration commandTimeout,
		TaskObservations observations, int maxErrorLength) {

	/** Services whose attempts are not observed. */
	WorkerServices(TaskStore store, QueueAdminStore admin, RedisConnector connector,
			Function<String, TaskHandler> handlers, TaskSerializer serializer, TaskEventBus events, Clock clock,
			Retention retention, TaskEnqueuer enqueuer, int maxLogLines, String workerId, Duration commandTimeout) {
		this(store, admin, connector, handlers, serializer, events, clock, retention, enqueuer, maxLogLines, workerId,
				commandTimeout, TaskObservations.NONE, HistoryOptions.defaults().maxErrorLength());
	}

}
