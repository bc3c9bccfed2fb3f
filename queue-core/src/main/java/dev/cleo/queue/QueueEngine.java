/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;

import dev.cleo.queue.event.TaskEventBus;
import dev.cleo.queue.event.TaskEventStreams;
import dev.cleo.queue.history.TaskHistoryService;
import dev.cleo.queue.observation.TaskObservations;
import dev.cleo.queue.redis.QueueAdminStore;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.ScheduleStore;
import dev.cleo.queue.redis.TaskStore;

/**
 * The parts a {@link QueueManager} is built from.
 *
 * @param connector the Redis connections
 * @param store the task store
 * @param admin the queue-wide operations
 * @param serializer payload and result conversion
 * @param events the event bus
 * @param clock the clock
 * @param retention how long finished tasks are kept
 * @param commandTimeout how long a call waits for Redis
 * @param maxLogLines how many log lines a task keeps
 * @param workerId this process's id in task records
 * @param completionCheckInterval how often pending completion futures read their tasks
 * @param schedules the schedule store
 * @param maxPayloadSize the most bytes a task's payload may take as JSON in UTF-8
 * @param observations what enqueues and attempts report to Micrometer, if anything
 */
record QueueEngine(RedisConnector connector, TaskStore store, QueueAdminStore admin, TaskSerializer serializer,
		TaskEventBus events, Clock clock, Retention retention, Duration commandTimeout, int maxLogLines,
		String workerId, Duration completionCheckInterval, ScheduleStore schedules, long maxPayloadSize,
		TaskObservations observations, TaskHistoryService history, TaskEventStreams eventStreams, int maxErrorLength) {

}
