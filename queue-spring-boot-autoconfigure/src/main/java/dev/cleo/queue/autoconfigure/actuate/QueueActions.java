/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueNotEmptyException;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.Texts;
import dev.cleo.queue.autoconfigure.RedisReads;

/**
 * The {@code queues} endpoint's actions on a queue that exists: pause, resume, retry and
 * purge its dead letters, cancel one of its tasks (404 for an unknown task, 409 for one
 * that has finished), and remove it (409 while it has tasks, unless they go with it). The
 * reads that decide the answer go through {@link RedisReads}; the change itself runs on
 * the caller's thread, so a change that has begun is not cut off half way by the read
 * deadline. Internal.
 */
final class QueueActions {

	private final QueueManager manager;

	private final RedisReads reads;

	QueueActions(QueueManager manager, RedisReads reads) {
		this.manager = manager;
		this.reads = reads;
	}

	QueueActionResult run(String queue, QueueAction action, @Nullable Integer maxJobs, @Nullable String id) {
		return switch (action) {
			case PAUSE -> {
				this.manager.pause(queue);
				yield QueueActionResult.done(queue, action, 0);
			}
			case RESUME -> {
				this.manager.resume(queue);
				yield QueueActionResult.done(queue, action, 0);
			}
			case RETRY_DEAD_LETTERS -> QueueActionResult.done(queue, action,
					this.manager.deadLetters(queue).retryAll(ActionArguments.maxTasks(maxJobs)).size());
			case PURGE_DEAD_LETTERS -> QueueActionResult.done(queue, action, this.manager.deadLetters(queue).purge());
			case CANCEL -> cancel(queue, ActionArguments.required(id, action, "id", ActionArguments.TASK_ID_MAX));
			default -> throw new IllegalArgumentException("Not a queue action: " + action.value());
		};
	}

	/**
	 * Remove a queue with what Redis keeps for it.
	 * @param queue a queue that exists
	 * @param withTasks whether its waiting, delayed, running and dead tasks go too
	 * @return how many tasks went
	 * @throws Refusal 409 naming the tasks left when it has some and {@code withTasks} is
	 * false
	 */
	QueueActionResult remove(String queue, boolean withTasks) {
		try {
			return QueueActionResult.removed(queue, this.manager.removeQueue(queue, withTasks));
		}
		catch (QueueNotEmptyException ex) {
			QueueCounts counts = ex.counts();
			throw Refusal.conflict("Queue '" + queue + "' still has " + counts.waiting() + " waiting, "
					+ counts.delayed() + " delayed, " + counts.active() + " running and " + counts.dead()
					+ " dead tasks; DELETE /actuator/queues/" + queue + "?withTasks=true removes them with it");
		}
	}

	private QueueActionResult cancel(String queue, String id) {
		TaskState state = state(queue, id);
		if (state == null) {
			throw Refusal.notFound("No task " + Texts.quote(id) + " on queue '" + queue
					+ "' (it never existed, or retention removed it)");
		}
		if (!state.isFinal() && this.manager.cancel(queue, id)) {
			return QueueActionResult.cancelled(queue, id);
		}
		// Finished before, or between the read and the cancel.
		TaskState now = (state.isFinal()) ? state : state(queue, id);
		throw Refusal.conflict("Task " + Texts.quote(id) + " on queue '" + queue + "' is "
				+ ((now != null) ? now.value() : "gone") + " and cannot be cancelled");
	}

	private @Nullable TaskState state(String queue, String id) {
		return this.reads.within("task " + Texts.quote(id) + " of queue '" + queue + "'",
				() -> this.manager.task(queue, id).map(TaskInfo::state).orElse(null));
	}

}
