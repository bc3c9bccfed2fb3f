/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cleo.queue.TaskPriority;

/**
 * Default options shared by the tasks of a {@link QueueClass @QueueClass}, as in
 * {@code @QueueClass(queue = "orders", defaultOptions = @DefaultOptions(group = "#order.customerId"))}.
 * Every attribute left unset inherits from {@code cleo.queues.<queue>.*}, then
 * {@code cleo.defaults.*}; a {@link Task @Task} on a method overrides them, and
 * {@code cleo.tasks.<task-id>.*} overrides both. Durations are strings such as
 * {@code 500ms}, {@code 30s}, {@code 5m} or ISO-8601 {@code PT5M}; {@code ${...}}
 * placeholders are resolved in the String attributes.
 * <p>
 * The core holds the resolved values of one enqueue in
 * {@link dev.cleo.queue.TaskOptions}.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DefaultOptions {

	/**
	 * A named priority, as in {@code priority = TaskPriority.HIGH}; at most one, and not
	 * together with {@link #priorityValue()}.
	 * @return the priority, or none to inherit
	 */
	TaskPriority[] priority() default {};

	/**
	 * A numeric priority from {@value TaskPriority#MIN} to {@value TaskPriority#MAX}
	 * (higher runs first); not together with {@link #priority()}.
	 * @return the priority, or a negative number to inherit
	 */
	int priorityValue() default -1;

	/**
	 * The group, a SpEL expression over the method's arguments by parameter name, such as
	 * {@code #order.customerId}; a plain text group is written {@code 'reports'}.
	 * @return the expression, or empty for none (or to inherit)
	 */
	String group() default "";

	/**
	 * How many times a failed task is tried again; the task runs at most
	 * {@code retries + 1} times before it is dead.
	 * @return the retries, or a negative number to inherit
	 */
	int retries() default -1;

	/**
	 * The wait between attempts; at most one.
	 * @return the backoff, or none to inherit
	 */
	RetryBackoff[] backoff() default {};

	/**
	 * The longest one attempt may run ({@code 0} for no limit).
	 * @return a duration, or empty to inherit
	 */
	String timeout() default "";

	/**
	 * How long a task may wait to start before it expires instead of running.
	 * @return a duration, or empty to inherit
	 */
	String ttl() default "";

	/**
	 * A deduplication key, a SpEL expression over the arguments (such as
	 * {@code #order.id}): within the deduplication window a second call with the same key
	 * creates no task and returns the first one.
	 * @return the expression, or empty for none (or to inherit)
	 */
	String dedupeKey() default "";

	/**
	 * Have Redis announce the moment each task ends, so that waiting callers on any
	 * instance learn it at once. Always on for methods returning a
	 * {@code CompletableFuture}.
	 * @return whether to announce the end
	 */
	boolean notifyOnFinish() default false;

}
