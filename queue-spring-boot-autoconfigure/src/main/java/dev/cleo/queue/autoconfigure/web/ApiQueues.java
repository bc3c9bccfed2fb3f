/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.Texts;
import dev.cleo.queue.autoconfigure.ApplicationQueues;

/**
 * The queues callers of the API may name: those the application serves or configures
 * ({@link ApplicationQueues}), the queues of {@code cleo.web.api.task-queues} and
 * {@code cleo.web.api.default-queue}. Any other name is refused, so no caller creates a
 * queue, and with it keys, meters and rows of {@code /api/status}. Internal.
 */
final class ApiQueues {

	private final ApplicationQueues application;

	private final CleoWebApiProperties properties;

	ApiQueues(ApplicationQueues application, CleoWebApiProperties properties) {
		this.application = application;
		this.properties = properties;
	}

	/**
	 * @return the queues, sorted by name
	 */
	Set<String> names() {
		Set<String> names = new TreeSet<>(this.application.names());
		names.addAll(this.properties.getTaskQueues().values());
		names.add(this.properties.getDefaultQueue());
		return names;
	}

	/**
	 * Check a queue a caller names.
	 * @param queue the name
	 * @param authorised whether the caller may see which queues there are
	 * @return the name
	 * @throws ApiProblems.ApiProblemException 400 for a queue the application does not
	 * know, listing the known ones to an authorised caller only
	 */
	String check(@Nullable String queue, boolean authorised) {
		if (queue != null && allows(queue)) {
			return queue;
		}
		String known = authorised ? "; the queues it takes are " + ProblemText.list(names()) : "";
		throw ApiProblems.badRequest("Unknown queue",
				"The queue " + Texts.quote(queue) + " is not one this application serves or configures" + known);
	}

	boolean allows(String queue) {
		return this.application.contains(queue) || queue.equals(this.properties.getDefaultQueue())
				|| this.properties.getTaskQueues().containsValue(queue);
	}

}
