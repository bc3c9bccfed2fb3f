/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.TaskStore;

/**
 * Makes many finished tasks fast, through the store rather than a worker pool: enqueue,
 * claim all, ack all with one outcome.
 */
final class FinishedTasks {

	private FinishedTasks() {
	}

	/**
	 * Enqueue, claim and ack {@code count} tasks of a queue.
	 * @return their ids
	 */
	static List<String> make(QueueManager manager, TaskStore store, String queue, int count, Outcome.Kind kind) {
		List<TaskRequest> requests = IntStream.range(0, count)
			.mapToObj((i) -> TaskRequest.of("job", i, TaskOptions.defaults().queue(queue).maxAttempts(1)))
			.toList();
		manager.enqueueAll(requests);
		List<ClaimedTask> claimed = store.claim(queue, count, Duration.ofMinutes(1), "test").tasks();
		List<Outcome> outcomes = claimed.stream()
			.map((task) -> new Outcome(queue, task.id(), task.token(), kind, "boom", 0))
			.toList();
		store.ack(queue, outcomes, Retention.defaults());
		return claimed.stream().map(ClaimedTask::id).toList();
	}

}
