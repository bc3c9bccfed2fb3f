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
import dev.cleo.queue.schedule.MisfirePolicy;
import dev.cleo.queue.schedule.OverlapPolicy;

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
 *       backoff = @RetryBackoff(type = RetryBackoff.Type.EXPONENTIAL, delay = "1s", maxDelay = "5m"),
 *       dedupeKey = "#email.messageId")
 * public void send(Email email) { ... }
 * }</pre>
 *
 * Every attribute left unset inherits, in order, from the class's
 * {@link QueueClass#defaultOptions()}, {@code cleo.queues.<queue>.*} and
 * {@code cleo.defaults.*}; {@code cleo.tasks.<task-id>.*} beats them all, the attributes
 * too. Durations are strings such as {@code 500ms}, {@code 30s}, {@code 5m} or ISO-8601
 * {@code PT5M}. {@code ${...}} placeholders are resolved in every String attribute.
 * <p>
 * With one of {@link #cron()}, {@link #fixedRate()} or {@link #fixedDelay()} the method
 * is also a recurring task: each tick enqueues one call, fired exactly once per tick
 * across every instance, and the worker that takes it calls the method. A scheduled
 * method takes no parameters (a tick has no arguments to give it) and may still be called
 * to enqueue a run at once. Its schedule is named by the task id, on the task's queue.
 *
 * <pre>{@code
 * &#64;Task(cron = "0 30 2 * * *", zone = "Europe/Paris", overlap = OverlapPolicy.SKIP_IF_RUNNING)
 * public void nightlyReport() { ... }
 * }</pre>
 *
 * {@code @Task} also works as a meta-annotation: an application's own annotation
 * annotated with {@code @Task(cron = ...)} declares the same schedule on each method it
 * marks.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
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
	 * @see DefaultOptions#priority()
	 */
	TaskPriority[] priority() default {};

	/**
	 * A numeric priority from {@value TaskPriority#MIN} to {@value TaskPriority#MAX}.
	 * @return the priority, or a negative number to inherit
	 * @see DefaultOptions#priorityValue()
	 */
	int priorityValue() default -1;

	/**
	 * The group, a SpEL expression over the arguments such as {@code #order.customerId}.
	 * @return the expression, or empty to inherit
	 * @see DefaultOptions#group()
	 */
	String group() default "";

	/**
	 * How many times a failed task is tried again.
	 * @return the retries, or a negative number to inherit
	 * @see DefaultOptions#retries()
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
	 * How long a task may wait to start before it expires.
	 * @return a duration, or empty to inherit
	 */
	String ttl() default "";

	/**
	 * A deduplication key, a SpEL expression over the arguments such as
	 * {@code #order.id}.
	 * @return the expression, or empty to inherit
	 * @see DefaultOptions#dedupeKey()
	 */
	String dedupeKey() default "";

	/**
	 * Have Redis announce the moment each task ends.
	 * @return whether to announce the end
	 * @see DefaultOptions#notifyOnFinish()
	 */
	boolean notifyOnFinish() default false;

	/**
	 * A cron expression: Spring's 6 fields ({@code 0 0/5 * * * *}), Unix's 5 or Quartz's
	 * 6 or 7, read as {@code cleo.schedules.cron-format} says (by default told apart by
	 * the number of fields). {@code ${...}} placeholders are resolved; {@code "-"}
	 * declares no schedule, as with Spring's {@code @Scheduled}. Not together with
	 * {@link #fixedRate()} or {@link #fixedDelay()}.
	 * @return the expression, or empty for no cron schedule
	 */
	String cron() default "";

	/**
	 * The zone {@link #cron()} is read in, such as {@code Europe/Paris}; only with
	 * {@code cron}.
	 * @return the zone id, or empty for {@code cleo.schedules.zone} (UTC unless set)
	 */
	String zone() default "";

	/**
	 * Run every period, the first one period after the schedule is first stored, such as
	 * {@code 30s} (10 ms to 365 days); placeholders are resolved.
	 * @return a duration, or empty for no fixed-rate schedule
	 */
	String fixedRate() default "";

	/**
	 * Run a fixed time after the previous run ended, such as {@code 5m} (10 ms to 365
	 * days); placeholders are resolved.
	 * @return a duration, or empty for no fixed-delay schedule
	 */
	String fixedDelay() default "";

	/**
	 * What happens to ticks missed while no instance could fire them ({@code cron} and
	 * {@code fixedRate} only); at most one.
	 * @return the policy, or none for {@code cleo.schedules.misfire} ({@code FIRE_ONCE}
	 * unless set)
	 */
	MisfirePolicy[] misfire() default {};

	/**
	 * With {@code misfire = MisfirePolicy.CATCH_UP}: how many of the latest missed ticks
	 * run, 1 to 1000.
	 * @return the maximum, or a negative number for 100
	 */
	int catchUpMax() default -1;

	/**
	 * Whether a tick fires while the previous run is still waiting or running; at most
	 * one.
	 * @return the policy, or none for {@code cleo.schedules.overlap} ({@code ALLOW}
	 * unless set)
	 */
	OverlapPolicy[] overlap() default {};

	/**
	 * Whether a call made inside a transaction enqueues only once the transaction
	 * commits, and not at all when it rolls back, so that the worker reads what the
	 * caller wrote; at most one. Outside a transaction a call always enqueues at once. A
	 * method returning {@code TaskHandle} always enqueues at once: a handle names a
	 * stored task.
	 * @return {@code true} or {@code false}, or none for
	 * {@code cleo.defaults.enqueue-after-commit} ({@code true} unless set)
	 */
	boolean[] enqueueAfterCommit() default {};

}
