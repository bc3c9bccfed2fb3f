/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import dev.cleo.queue.Texts;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.autoconfigure.aop.TaskMethodRequests;

/**
 * Turns the body of {@code POST /api/jobs} into the task to enqueue, within what the
 * application allows: an exposed type ({@link ExposedTasks}), a queue it knows
 * ({@link ApiQueues}), options bounded by its own ({@link CallerOptions}). A handler's
 * task starts from the options the application configures for the queue; a task method's
 * is the one a call through its proxy would enqueue, with the declaration's queue,
 * options, group and deduplication key, and the payload read as its arguments
 * ({@link MethodArguments}). Internal.
 */
final class JobRequests {

	private final ExposedTasks types;

	private final ApiQueues queues;

	private final CleoWebApiProperties properties;

	private final Function<String, TaskOptions> queueDefaults;

	private final CallerOptions callerOptions;

	private final @Nullable TaskMethodRequests methods;

	private final MethodArguments arguments;

	JobRequests(ExposedTasks types, ApiQueues queues, CleoWebApiProperties properties,
			Function<String, TaskOptions> queueDefaults, @Nullable TaskMethodRequests methods,
			MethodArguments arguments) {
		this.types = types;
		this.queues = queues;
		this.properties = properties;
		this.queueDefaults = queueDefaults;
		this.callerOptions = new CallerOptions(properties.getMaxDelay(), properties.getMaxTtl());
		this.methods = methods;
		this.arguments = arguments;
	}

	/**
	 * The task a request asks for.
	 * @param request the body
	 * @param authorised whether the caller may see which types and queues there are
	 * @return the task to enqueue
	 * @throws ApiProblems.ApiProblemException 400 naming what is not allowed
	 */
	TaskRequest toTask(JobRequest request, boolean authorised) {
		String type = this.types.check(request.type(), authorised);
		JobOptions options = request.options();
		String requestedQueue = (options != null) ? options.queue() : null;
		if (this.methods != null && this.types.isTaskMethod(type)) {
			return methodTask(type, request, requestedQueue, authorised);
		}
		String queue = this.queues.check(
				(requestedQueue != null) ? requestedQueue
						: this.properties.getTaskQueues().getOrDefault(type, this.properties.getDefaultQueue()),
				authorised);
		return TaskRequest.of(type, request.payload(),
				this.callerOptions.apply(options, this.queueDefaults.apply(queue)));
	}

	private TaskRequest methodTask(String type, JobRequest request, @Nullable String requestedQueue,
			boolean authorised) {
		List<JavaType> parameters = this.methods.parameterTypes(type).orElseThrow();
		TaskRequest declared = this.methods.request(type, this.arguments.read(type, parameters, request.payload()));
		String queue = declared.options().queue();
		if (requestedQueue != null && !requestedQueue.equals(queue)) {
			String known = authorised ? " " + Texts.quote(queue) : "";
			throw ApiProblems.badRequest("Invalid option", "Task " + Texts.quote(type)
					+ " runs on the queue its declaration gives it" + known + "; options.queue may only name that one");
		}
		return TaskRequest.of(type, declared.payload(),
				this.callerOptions.apply(request.options(), declared.options()));
	}

}
