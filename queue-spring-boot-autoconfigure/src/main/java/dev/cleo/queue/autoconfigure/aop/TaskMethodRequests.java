/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JavaType;

import dev.cleo.queue.TaskRequest;

import org.springframework.expression.EvaluationException;

/**
 * Task methods by id, for callers outside the application's code (the HTTP API) that
 * enqueue a task method by its name: the request they get is the one a call of the method
 * through its proxy would enqueue, with the queue, options, group and deduplication key
 * the declaration gives it and the arguments as the payload, written against the declared
 * parameter types.
 */
public final class TaskMethodRequests {

	private final TaskMethodRegistry registry;

	private final TaskCalls calls;

	TaskMethodRequests(TaskMethodRegistry registry, TaskCalls calls) {
		this.registry = registry;
		this.calls = calls;
	}

	/**
	 * Whether a task name is that of a task method.
	 * @param id the task name
	 * @return true for a task method, false for a handler or an unknown name
	 */
	public boolean isTaskMethod(String id) {
		return this.registry.byId(id) != null;
	}

	/**
	 * The parameter types of a task method, resolved against its bean's class.
	 * @param id the task name
	 * @return the types in declaration order, or empty when no task method has the id
	 */
	public Optional<List<JavaType>> parameterTypes(String id) {
		return Optional.ofNullable(this.registry.byId(id)).map((task) -> List.of(task.parameterTypes()));
	}

	/**
	 * The task a call of a task method with these arguments enqueues.
	 * @param id the task name
	 * @param arguments one per parameter, of the declared types
	 * @return the request, with the declaration's options and the group and deduplication
	 * key evaluated over the arguments
	 * @throws IllegalArgumentException when no task method has the id, the arguments do
	 * not match its parameters, or its group or deduplication expression cannot be
	 * evaluated over them
	 */
	public TaskRequest request(String id, Object[] arguments) {
		TaskMethod task = this.registry.byId(id);
		if (task == null) {
			throw new IllegalArgumentException("No task method has the id '" + id + "'");
		}
		if (arguments.length != task.parameterTypes().length) {
			throw new IllegalArgumentException(
					"Task '" + id + "' takes " + task.parameterTypes().length + " arguments, not " + arguments.length);
		}
		try {
			return this.calls.request(task, arguments);
		}
		catch (EvaluationException ex) {
			throw new IllegalArgumentException(
					"The arguments do not give task '" + id + "' what its group or deduplication expression reads", ex);
		}
	}

}
