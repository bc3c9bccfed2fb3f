/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.cleo.queue.ListedTask;
import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskListRequest;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.autoconfigure.ApplicationQueues;

/**
 * Waits until the application's queues are idle: no task waiting, running, or delayed to
 * a time before the wait ends (a retry after a short backoff, say). The queues are those
 * the application declares and every queue Redis holds under the test's key prefix. Due
 * times are compared with the system clock. A caller's {@code CompletableFuture}
 * completes when the task's completion notice reaches it, a moment after Redis is idle:
 * wait on the future itself for its value.
 */
public final class CleoTestQueues {

	/** How long {@link #awaitIdle()} waits. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final long POLL_MILLIS = 20;

	private static final int DELAYED_READ_LIMIT = 100;

	private final QueueManager manager;

	private final Supplier<ApplicationQueues> declared;

	CleoTestQueues(QueueManager manager, Supplier<ApplicationQueues> declared) {
		this.manager = manager;
		this.declared = declared;
	}

	/**
	 * Wait at most {@link #DEFAULT_TIMEOUT} until the queues are idle.
	 * @throws AssertionError naming each queue with tasks still pending when they are not
	 * idle in time
	 */
	public void awaitIdle() {
		awaitIdle(DEFAULT_TIMEOUT);
	}

	/**
	 * Wait until the queues are idle.
	 * @param timeout the longest wait
	 * @throws AssertionError naming each queue with tasks still pending when they are not
	 * idle in time
	 */
	public void awaitIdle(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		List<String> pending = pending(deadline);
		while (!pending.isEmpty()) {
			if (!Instant.now().isBefore(deadline)) {
				throw new AssertionError("Cleo queues not idle after " + timeout + ": " + String.join("; ", pending)
						+ " (a queue no worker pool serves, or a paused one, never empties)");
			}
			pause();
			pending = pending(deadline);
		}
	}

	/**
	 * What the queues still hold, one description per busy queue.
	 * @param deadline delayed tasks due before it count
	 * @return descriptions such as {@code orders: 1 running, 2 waiting}; empty when idle
	 */
	List<String> pending(Instant deadline) {
		Set<String> queues = new TreeSet<>(this.manager.queues());
		ApplicationQueues declared = this.declared.get();
		if (declared != null) {
			queues.addAll(declared.names());
		}
		List<String> pending = new ArrayList<>();
		for (Map.Entry<String, QueueCounts> entry : this.manager.counts(queues).entrySet()) {
			String description = describe(entry.getKey(), entry.getValue(), deadline);
			if (description != null) {
				pending.add(description);
			}
		}
		return pending;
	}

	private String describe(String queue, QueueCounts counts, Instant deadline) {
		List<String> parts = new ArrayList<>();
		if (counts.active() > 0) {
			parts.add(counts.active() + " running");
		}
		if (counts.waiting() > 0) {
			parts.add(counts.waiting() + " waiting");
		}
		List<TaskInfo> due = (counts.delayed() > 0) ? dueBy(queue, deadline) : List.of();
		if (!due.isEmpty()) {
			parts.add(due.size() + " delayed (next: task " + due.get(0).name() + " at " + due.get(0).runAt() + ")");
		}
		return parts.isEmpty() ? null : queue + ": " + String.join(", ", parts);
	}

	private List<TaskInfo> dueBy(String queue, Instant deadline) {
		return this.manager.tasks(queue)
			.list(TaskState.DELAYED, TaskListRequest.oldestFirst(DELAYED_READ_LIMIT))
			.tasks()
			.stream()
			.filter((listed) -> !listed.dueAt().isAfter(deadline))
			.map(ListedTask::task)
			.toList();
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Cleo queues to be idle", ex);
		}
	}

}
