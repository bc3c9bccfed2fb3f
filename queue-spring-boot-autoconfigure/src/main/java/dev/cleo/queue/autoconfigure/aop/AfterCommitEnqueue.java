/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.aop.TaskMethod.ReturnKind;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A task method call made inside a transaction, enqueued when the transaction commits and
 * dropped when it rolls back, as {@code @TransactionalEventListener} does with events: a
 * worker must not run before the rows the caller wrote are visible, nor run for a change
 * that never happened. The request (payload, group, deduplication key) is taken at the
 * call. An enqueue that fails after the commit cannot undo the commit: it is logged at
 * ERROR and fails the call's future, not the committing caller.
 */
final class AfterCommitEnqueue implements TransactionSynchronization {

	private static final Logger logger = LoggerFactory.getLogger(AfterCommitEnqueue.class);

	private final TaskMethod task;

	private final TaskRequest request;

	private final Supplier<QueueManager> manager;

	private final CompletableFuture<Object> result = new CompletableFuture<>();

	private AfterCommitEnqueue(TaskMethod task, TaskRequest request, Supplier<QueueManager> manager) {
		this.task = task;
		this.request = request;
		this.manager = manager;
	}

	/**
	 * Whether the calling thread runs in a transaction whose commit a call can wait for
	 * (the test {@code @TransactionalEventListener} makes).
	 * @return true inside an actual transaction with synchronization
	 */
	static boolean inTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive();
	}

	/**
	 * Enqueue a request when the current transaction commits.
	 * @param task the called task method
	 * @param request what the call enqueues
	 * @param manager the manager to enqueue with
	 * @return {@code null} for a {@code void} method, else a future of the task's result
	 */
	static Object register(TaskMethod task, TaskRequest request, Supplier<QueueManager> manager) {
		AfterCommitEnqueue enqueue = new AfterCommitEnqueue(task, request, manager);
		TransactionSynchronizationManager.registerSynchronization(enqueue);
		return (task.returnKind() == ReturnKind.FUTURE) ? enqueue.result : null;
	}

	@Override
	public void afterCommit() {
		TaskHandle<Object> handle;
		try {
			handle = this.manager.get().enqueue(this.request);
		}
		catch (RuntimeException ex) {
			logger.error("Task {} (queue {}) was not enqueued after its transaction committed: {}", this.task.id(),
					this.request.options().queue(), ex.toString(), ex);
			this.result.completeExceptionally(new TaskNotEnqueuedException("Task " + this.task.id() + " (queue "
					+ this.request.options().queue() + ") was not enqueued after its transaction committed", ex));
			return;
		}
		if (this.task.returnKind() == ReturnKind.FUTURE) {
			CompletableFuture<Object> completion = handle.withResultType(this.task.resultType()).completion();
			completion.whenComplete((value, failure) -> complete(value, failure));
			// Cancelling the caller's future stops waiting, as the handle's own does.
			this.result.whenComplete((value, failure) -> completion.cancel(false));
		}
	}

	@Override
	public void afterCompletion(int status) {
		if (status != STATUS_COMMITTED) {
			this.result.completeExceptionally(new TaskNotEnqueuedException("Task " + this.task.id() + " (queue "
					+ this.request.options().queue() + ") was not enqueued: the transaction rolled back", null));
		}
	}

	private void complete(Object value, Throwable failure) {
		if (failure != null) {
			this.result.completeExceptionally(failure);
		}
		else {
			this.result.complete(value);
		}
	}

	/**
	 * Whether a task method enqueues calls made inside a transaction when it commits.
	 * @param method the method, for messages
	 * @param task its {@code @Task}, maybe not present
	 * @param kind what it returns
	 * @param fallback {@code cleo.defaults.enqueue-after-commit}
	 * @return what its {@code @Task} says, else the fallback; never for a
	 * {@code TaskHandle} method
	 * @throws TaskDefinitionException when the attribute is set twice, or to true on a
	 * {@code TaskHandle} method
	 */
	static boolean declared(Method method, MergedAnnotation<Task> task, ReturnKind kind, boolean fallback) {
		boolean[] declared = task.isPresent() ? task.getBooleanArray("enqueueAfterCommit") : new boolean[0];
		if (declared.length > 1) {
			throw TaskMethodFactory.fail(method, "sets enqueueAfterCommit more than once",
					"Set enqueueAfterCommit = true or false.");
		}
		if (kind == ReturnKind.HANDLE) {
			// A handle names a stored task: there is none to give before the commit.
			if (declared.length == 1 && declared[0]) {
				throw TaskMethodFactory.fail(method,
						"returns TaskHandle, which names a stored task, so it cannot be enqueued after the "
								+ "transaction commits",
						"Return void or CompletableFuture<T>, or remove enqueueAfterCommit = true.");
			}
			return false;
		}
		return (declared.length == 1) ? declared[0] : fallback;
	}

}
