/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

/**
 * Makes calls of task methods run at once on the caller's thread instead of being
 * enqueued, for unit-style tests: with a bean of this type in the context, a call of a
 * task method it {@linkplain #runsInline(String) picks} still evaluates the group and
 * deduplication key and still writes the arguments with the application's
 * {@code TaskSerializer} (and reads them back as the method declares them, as a worker
 * would), but then runs the real method through its bean and returns its result: a
 * completed (or failed) {@code CompletableFuture}, {@code TaskHandle.completed(result)},
 * or nothing. No attempt is retried and nothing is written to Redis for the call. An
 * application has no such bean; {@code queue-spring-boot-test} registers one for
 * {@code @CleoTest(inline = true)}.
 */
@FunctionalInterface
public interface InlineTaskCalls {

	/**
	 * Whether calls of a task run inline.
	 * @param taskId the task's id (its name in Redis)
	 * @return true to run the call on the caller's thread, false to enqueue it
	 */
	boolean runsInline(String taskId);

}
