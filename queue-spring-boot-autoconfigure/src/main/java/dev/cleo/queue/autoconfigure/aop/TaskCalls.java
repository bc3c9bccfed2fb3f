/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;

import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

/**
 * Turns a call of a task method into an enqueued task: evaluates the group and
 * deduplication key over the arguments, writes the arguments against the declared types,
 * and answers with what the method declares to return; or, in a test with an
 * {@link InlineTaskCalls} bean, runs the call at once instead.
 */
final class TaskCalls {

	private final Supplier<QueueManager> manager;

	private final @Nullable InlineTaskRuns inline;

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	TaskCalls(Supplier<QueueManager> manager) {
		this(manager, null);
	}

	/**
	 * Calls that run inline instead when {@code inline} says so (tests only, see
	 * {@link InlineTaskCalls}).
	 * @param manager the queue manager
	 * @param inline runs calls inline, or {@code null}
	 */
	TaskCalls(Supplier<QueueManager> manager, @Nullable InlineTaskRuns inline) {
		this.manager = manager;
		this.inline = inline;
	}

	/**
	 * Enqueue a call; returns once Redis stored the task.
	 * @param task the called task method
	 * @param arguments the call's arguments
	 * @return {@code null}, the handle, or the handle's completion
	 */
	Object enqueue(TaskMethod task, Object[] arguments) {
		if (this.inline != null && this.inline.applies(task)) {
			return this.inline.run(task, request(task, arguments), this.manager.get().maxPayloadSize());
		}
		TaskHandle<Object> handle = this.manager.get().enqueue(request(task, arguments));
		return switch (task.returnKind()) {
			case VOID -> null;
			case HANDLE -> handle.withResultType(task.resultType());
			case FUTURE -> handle.withResultType(task.resultType()).completion();
		};
	}

	/**
	 * The task a call enqueues: its arguments as the payload, the declaration's options
	 * with the group and deduplication key evaluated over the arguments.
	 * @param task the called task method
	 * @param arguments the call's arguments
	 * @return the request
	 */
	TaskRequest request(TaskMethod task, Object[] arguments) {
		return TaskRequest.of(task.id(), new TaskArguments(task.parameterTypes(), arguments), options(task, arguments));
	}

	TaskOptions options(TaskMethod task, Object[] arguments) {
		if (task.group() == null && task.dedupeKey() == null) {
			return task.options();
		}
		EvaluationContext context = new MethodBasedEvaluationContext(null, task.method(), arguments,
				this.parameterNames);
		TaskOptions options = task.options();
		String group = evaluate(task.group(), context);
		options = (group != null) ? options.group(group) : options;
		String dedupeId = evaluate(task.dedupeKey(), context);
		return (dedupeId != null) ? options.dedupeId(dedupeId) : options;
	}

	private static String evaluate(Expression expression, EvaluationContext context) {
		Object value = (expression != null) ? expression.getValue(context) : null;
		return (value != null) ? value.toString() : null;
	}

}
