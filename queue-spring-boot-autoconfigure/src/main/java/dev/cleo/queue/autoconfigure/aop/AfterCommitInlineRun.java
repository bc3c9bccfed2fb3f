/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.autoconfigure.aop.TaskMethod.ReturnKind;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An inline task call (test mode) made inside a transaction: it runs when the transaction
 * commits and not at all when it rolls back, as the enqueue it stands for would, so a
 * test in inline mode sees what production does. A {@code void} method's exception
 * surfaces from the commit, on the committing thread.
 */
final class AfterCommitInlineRun implements TransactionSynchronization {

	private final TaskMethod task;

	private final Supplier<@Nullable Object> run;

	private final CompletableFuture<Object> result = new CompletableFuture<>();

	private AfterCommitInlineRun(TaskMethod task, Supplier<@Nullable Object> run) {
		this.task = task;
		this.run = run;
	}

	/**
	 * Run a call when the current transaction commits.
	 * @param task the called task method
	 * @param run the inline run, answering what the method declares
	 * @return {@code null} for a {@code void} method, else a future of the run's result
	 */
	static @Nullable Object register(TaskMethod task, Supplier<@Nullable Object> run) {
		AfterCommitInlineRun inline = new AfterCommitInlineRun(task, run);
		TransactionSynchronizationManager.registerSynchronization(inline);
		return (task.returnKind() == ReturnKind.FUTURE) ? inline.result : null;
	}

	@Override
	public void afterCommit() {
		Object outcome = this.run.get();
		if (outcome instanceof CompletableFuture<?> future) {
			future.whenComplete((value, failure) -> {
				if (failure != null) {
					this.result.completeExceptionally(failure);
				}
				else {
					this.result.complete(value);
				}
			});
		}
	}

	@Override
	public void afterCompletion(int status) {
		if (status != STATUS_COMMITTED) {
			this.result.completeExceptionally(new TaskNotEnqueuedException(
					"Task " + this.task.id() + " did not run inline: the transaction it was called in rolled back",
					null));
		}
	}

}
