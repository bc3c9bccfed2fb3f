/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the public methods of a bean tasks: calling one enqueues it, and a worker on any
 * instance later runs the real method. A {@link Task @Task} on a method overrides options
 * for that method. Methods a Spring user calls directly are no tasks: those declared by
 * {@link Object}, JavaBeans getters, framework callbacks ({@code @EventListener},
 * {@code @Scheduled}, {@code @Bean}, {@code @PostConstruct}, {@code @KafkaListener}, ...)
 * and implementations of Spring interfaces; {@code @Task} on one makes it a task. A task
 * method must not be {@code final}, and a call through {@code this} runs inline, as with
 * {@code @Async}.
 *
 * <pre>{@code
 * &#64;Service
 * &#64;QueueClass(queue = "notifications", defaultOptions = @DefaultOptions(retries = 5))
 * public class EmailService {
 *     public void send(Email email) { ... }
 * }
 * }</pre>
 *
 * A method's options are taken, attribute by attribute, from the first place that sets
 * them: {@code cleo.tasks.<task-id>.*}, {@code @Task} on the method,
 * {@link #defaultOptions()} here, {@code cleo.queues.<queue>.*}, then
 * {@code cleo.defaults.*}. {@code ${...}} placeholders are resolved in the String
 * attributes, {@link #queue()} too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueueClass {

	/**
	 * The queue of this bean's tasks; empty means {@code default}.
	 * @return the queue name
	 */
	String queue() default "";

	/**
	 * Options shared by this bean's tasks; unset attributes inherit.
	 * @return the default options
	 */
	DefaultOptions defaultOptions() default @DefaultOptions;

}
