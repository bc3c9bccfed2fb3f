/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wait between attempts of a task, as in
 * {@code @Task(backoff = @RetryBackoff(delay = "2s"))}. Unset attributes inherit from the
 * next level (class defaults, then {@code cleo.queues.<queue>.backoff}, then
 * {@code cleo.defaults.backoff}); {@code cleo.tasks.<task-id>.backoff.*} beats it.
 * Durations are strings such as {@code 500ms}, {@code 30s}, {@code 5m} or ISO-8601
 * {@code PT5M}, and may be {@code ${...}} placeholders.
 * <p>
 * The core holds the resolved backoff of one enqueue in {@link dev.cleo.queue.Backoff}.
 *
 * @see Task#backoff()
 * @see DefaultOptions#backoff()
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetryBackoff {

	/**
	 * Fixed or exponential; {@link Type#INHERIT} keeps the inherited type.
	 * @return the type
	 */
	Type type() default Type.INHERIT;

	/**
	 * The delay before the first retry (for a fixed backoff, before every retry).
	 * @return a duration, or empty to inherit
	 */
	String delay() default "";

	/**
	 * The longest delay of an exponential backoff.
	 * @return a duration, or empty to inherit
	 */
	String maxDelay() default "";

	/**
	 * The share of randomness of an exponential backoff, from 0.0 to 1.0.
	 * @return the jitter, or a negative number to inherit
	 */
	double jitter() default -1;

	/** The kinds of backoff. */
	enum Type {

		/** Keep the inherited type. */
		INHERIT,

		/** The same delay before every retry. */
		FIXED,

		/**
		 * A delay that doubles with every attempt, up to {@link RetryBackoff#maxDelay()}.
		 */
		EXPONENTIAL

	}

}
