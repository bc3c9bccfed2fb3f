/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.RawValue;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.JacksonTaskSerializer;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.TaskSerializer;

import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;

/**
 * Turns a call of a task method into an enqueued task: evaluates the group and
 * deduplication key over the arguments, writes the arguments against the declared types,
 * and answers with what the method declares to return. Inside a transaction, a method
 * that enqueues after commit gets its request taken at the call and enqueued by
 * {@link AfterCommitEnqueue}; in a test with an {@link InlineTaskCalls} bean, the call
 * runs at once instead.
 */
final class TaskCalls {

	private final Supplier<QueueManager> manager;

	private final @Nullable InlineTaskRuns inline;

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Supplier<TaskSerializer> serializer;

	TaskCalls(Supplier<QueueManager> manager) {
		this(manager, JacksonTaskSerializer::new, null);
	}

	/**
	 * Calls enqueued with a manager.
	 * @param manager the manager
	 * @param serializer the manager's serializer, which writes the payload of a call
	 * enqueued after commit at the call
	 * @param inline runs calls inline instead (tests only, see {@link InlineTaskCalls}),
	 * or {@code null}
	 */
	TaskCalls(Supplier<QueueManager> manager, Supplier<TaskSerializer> serializer, @Nullable InlineTaskRuns inline) {
		this.manager = manager;
		this.serializer = serializer;
		this.inline = inline;
	}

	/**
	 * Enqueue a call; returns once Redis stored the task, or, inside a transaction, once
	 * the call is registered to be enqueued when it commits.
	 * @param task the called task method
	 * @param arguments the call's arguments
	 * @return {@code null}, the handle, or the handle's completion
	 */
	Object enqueue(TaskMethod task, Object[] arguments) {
		if (this.inline != null && this.inline.applies(task)) {
			long maxPayloadSize = this.manager.get().maxPayloadSize();
			if (task.enqueueAfterCommit() && AfterCommitEnqueue.inTransaction()) {
				TaskRequest written = writtenRequest(task, arguments);
				return AfterCommitInlineRun.register(task, () -> this.inline.run(task, written, maxPayloadSize));
			}
			return this.inline.run(task, request(task, arguments), maxPayloadSize);
		}
		if (task.enqueueAfterCommit() && AfterCommitEnqueue.inTransaction()) {
			return AfterCommitEnqueue.register(task, writtenRequest(task, arguments), this.manager);
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

	/**
	 * The request of a call with its payload written now, so that a later change to an
	 * argument does not change the task and a value that cannot be written fails the
	 * call.
	 */
	private TaskRequest writtenRequest(TaskMethod task, Object[] arguments) {
		String payload = this.serializer.get().write(new TaskArguments(task.parameterTypes(), arguments));
		TaskRequest.checkPayloadSize(task.id(), payload, this.manager.get().maxPayloadSize());
		return TaskRequest.of(task.id(), new RawValue(payload), options(task, arguments));
	}

	TaskOptions options(TaskMethod task, Object[] arguments) {
		if (task.group() == null && task.dedupeKey() == null) {
			return task.options();
		}
		EvaluationContext context = new MethodBasedEvaluationContext(null, task.method(), arguments,
				this.parameterNames);
		TaskOptions options = task.options();
		String group = evaluate(task, "group", task.group(), context);
		options = (group != null) ? options.group(group) : options;
		String dedupeId = evaluate(task, "dedupeKey", task.dedupeKey(), context);
		return (dedupeId != null) ? options.dedupeId(dedupeId) : options;
	}

	private static String evaluate(TaskMethod task, String attribute, Expression expression,
			EvaluationContext context) {
		if (expression == null) {
			return null;
		}
		try {
			Object value = expression.getValue(context);
			return (value != null) ? value.toString() : null;
		}
		catch (EvaluationException ex) {
			// Only the start can check names; a null argument, say, shows at the call.
			throw new InvalidTaskOptionException(
					"Task method " + TaskMethod.describe(task.method()) + " could not evaluate its " + attribute + " '"
							+ expression.getExpressionString() + "' over this call's arguments: " + ex.getMessage(),
					ex);
		}
	}

}
