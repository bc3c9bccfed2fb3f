/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cleo.queue.TaskPriority;

/**
 * Makes a method of a bean a task, or sets options for a method of a
 * {@link QueueClass @QueueClass} bean. Calling the method enqueues a task whose payload
 * is the arguments (as JSON, against the declared parameter types); a worker on any
 * instance later runs the real method. The method must return {@code void},
 * {@code CompletableFuture<T>} (completed with the result when the task ends, wherever it
 * ran) or {@code TaskHandle<T>}.
 *
 * <pre>{@code
 * &#64;Task(id = "send-email", queue = "emails", priority = TaskPriority.HIGH, retries = 5,
 *       backoff = @Backoff(type = Backoff.Type.EXPONENTIAL, delay = "1s", maxDelay = "5m"),
 *       dedupeKey = "#email.messageId")
 * public void send(Email email) { ... }
 * }</pre>
 *
 * Every attribute left unset inherits, in order, from the class's
 * {@link QueueClass#defaultOptions()}, {@code cleo.queues.<queue>.*} and
 * {@code cleo.defaults.*}. Durations are strings such as {@code 500ms}, {@code 30s},
 * {@code 5m} or ISO-8601 {@code PT5M}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Task {

	/**
	 * The task name, unique in the application; workers of any instance find the method
	 * by it, so changing it orphans tasks already enqueued.
	 * @return the id, or empty for {@code <SimpleClassName>.<method>}
	 */
	String id() default "";

	/**
	 * The queue.
	 * @return the queue, or empty for the class's queue (else {@code default})
	 */
	String queue() default "";

	/**
	 * A named priority, as in {@code priority = TaskPriority.HIGH}; at most one.
	 * @return the priority, or none to inherit
	 * @see TaskOptions#priority()
	 */
	TaskPriority[] priority() default {};

	/**
	 * A numeric priority from {@value TaskPriority#MIN} to {@value TaskPriority#MAX}.
	 * @return the priority, or a negative number to inherit
	 * @see TaskOptions#priorityValue()
	 */
	int priorityValue() default -1;

	/**
	 * The group, a SpEL expression over the arguments such as {@code #order.customerId}.
	 * @return the expression, or empty to inherit
	 * @see TaskOptions#group()
	 */
	String group() default "";

	/**
	 * How many times a failed task is tried again.
	 * @return the retries, or a negative number to inherit
	 * @see TaskOptions#retries()
	 */
	int retries() default -1;

	/**
	 * The wait between attempts; at most one.
	 * @return the backoff, or none to inherit
	 */
	Backoff[] backoff() default {};

	/**
	 * The longest one attempt may run ({@code 0} for no limit).
	 * @return a duration, or empty to inherit
	 */
	String timeout() default "";

	/**
	 * How long a task may wait to start before it expires.
	 * @return a duration, or empty to inherit
	 */
	String ttl() default "";

	/**
	 * A deduplication key, a SpEL expression over the arguments such as
	 * {@code #order.id}.
	 * @return the expression, or empty to inherit
	 * @see TaskOptions#dedupeKey()
	 */
	String dedupeKey() default "";

	/**
	 * Have Redis announce the moment each task ends.
	 * @return whether to announce the end
	 * @see TaskOptions#notifyOnFinish()
	 */
	boolean notifyOnFinish() default false;

}
