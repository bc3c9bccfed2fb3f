/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

import tools.jackson.databind.JavaType;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.schedule.Schedule;

import org.springframework.expression.Expression;

/**
 * Everything about one task method, worked out once when its bean is post-processed.
 *
 * @param id the task name
 * @param method the method of the bean's class
 * @param returnKind what a call returns
 * @param resultType the result type ({@code T} of {@code CompletableFuture<T>} or
 * {@code TaskHandle<T>}), or {@code void}
 * @param parameterTypes the declared parameter types, resolved against the bean's class
 * @param options the options of every call, before group and deduplication key
 * @param group the group expression, or {@code null}
 * @param dedupeKey the deduplication key expression, or {@code null}
 * @param schedule the schedule it declares with {@code @Task(cron/fixedRate/fixedDelay)},
 * or {@code null}
 * @param enqueueAfterCommit whether a call inside a transaction enqueues only when it
 * commits
 */
record TaskMethod(String id, Method method, ReturnKind returnKind, Type resultType, JavaType[] parameterTypes,
		TaskOptions options, @Nullable Expression group, @Nullable Expression dedupeKey, @Nullable Schedule schedule,
		boolean enqueueAfterCommit) {

	/**
	 * @param schedule the schedule the method declares, or {@code null}
	 * @return a copy with the schedule
	 */
	TaskMethod withSchedule(@Nullable Schedule schedule) {
		return new TaskMethod(this.id, this.method, this.returnKind, this.resultType, this.parameterTypes, this.options,
				this.group, this.dedupeKey, schedule, this.enqueueAfterCommit);
	}

	/**
	 * @return the method as messages name it, {@code EmailService.send(..)}
	 */
	String describe() {
		return describe(this.method);
	}

	static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(..)";
	}

	/** What a task method returns to its caller. */
	enum ReturnKind {

		/** Nothing: the call returns once the task is stored. */
		VOID,

		/** A future completed when the task ends, on whichever instance. */
		FUTURE,

		/** The task's handle. */
		HANDLE

	}

}
