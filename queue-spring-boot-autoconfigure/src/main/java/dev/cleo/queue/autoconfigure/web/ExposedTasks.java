/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.Texts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.aop.TaskMethodRequests;

/**
 * The task types callers of the API may enqueue: those with a handler here, except task
 * methods, which are internal to the application unless {@code cleo.web.api.task-queues}
 * lists them. By default, then, the API runs the application's named {@code TaskHandler}
 * beans (and handlers registered on the manager), and no {@code @Task} method. Internal.
 */
final class ExposedTasks {

	private final QueueManager manager;

	private final CleoWebApiProperties properties;

	private final @Nullable TaskMethodRequests methods;

	ExposedTasks(QueueManager manager, CleoWebApiProperties properties, @Nullable TaskMethodRequests methods) {
		this.manager = manager;
		this.properties = properties;
		this.methods = methods;
	}

	/**
	 * Check the type a caller names.
	 * @param type the type
	 * @param authorised whether the caller may see which types there are
	 * @return the type
	 * @throws ApiProblems.ApiProblemException 400 for a type the API does not take,
	 * listing those it takes to an authorised caller only
	 */
	String check(@Nullable String type, boolean authorised) {
		String known = authorised ? "; the types it takes are " + ProblemText.list(names()) : "";
		if (type == null || type.isBlank()) {
			throw ApiProblems.badRequest("Unknown job type",
					"'type' is required: the name of a task this API takes" + known);
		}
		if (!isExposed(type)) {
			throw ApiProblems.badRequest("Unknown job type",
					"Unknown job type " + Texts.quote(type) + " for this API" + known);
		}
		return type;
	}

	/**
	 * Whether a type is a task method's, whose declaration decides its queue and options.
	 * @param type an exposed type
	 * @return true for a task method
	 */
	boolean isTaskMethod(String type) {
		return this.methods != null && this.methods.isTaskMethod(type);
	}

	private boolean isExposed(String type) {
		return this.manager.registeredTasks().contains(type)
				&& (!isTaskMethod(type) || this.properties.getTaskQueues().containsKey(type));
	}

	private Set<String> names() {
		Set<String> names = new TreeSet<>();
		this.manager.registeredTasks().stream().filter(this::isExposed).forEach(names::add);
		return names;
	}

}
