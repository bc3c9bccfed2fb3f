/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Type;
import java.util.UUID;

import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.TaskSerializer;

/**
 * The context of a task call run inline: the first and only attempt of a task that exists
 * nowhere else. Progress and log lines go nowhere; child tasks cannot be enqueued through
 * it (a task method enqueues children by calling other task methods, which run inline in
 * turn).
 */
final class InlineTaskContext implements TaskContext {

	private final String id = "inline-" + UUID.randomUUID();

	private final TaskRequest request;

	private final String payloadJson;

	private final TaskSerializer serializer;

	InlineTaskContext(TaskRequest request, String payloadJson, TaskSerializer serializer) {
		this.request = request;
		this.payloadJson = payloadJson;
		this.serializer = serializer;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String queue() {
		return this.request.options().queue();
	}

	@Override
	public String name() {
		return this.request.name();
	}

	@Override
	public int attempt() {
		return 1;
	}

	@Override
	public int maxAttempts() {
		return 1;
	}

	@Override
	public String payloadJson() {
		return this.payloadJson;
	}

	@Override
	public <T> T payload(Class<T> type) {
		return this.serializer.read(this.payloadJson, type);
	}

	@Override
	public <T> T payload(Type type) {
		return this.serializer.read(this.payloadJson, type);
	}

	@Override
	public void progress(int percent, String stage) {
	}

	@Override
	public void log(String line) {
	}

	@Override
	public TaskHandle<Object> enqueue(String name, Object payload, TaskOptions options) {
		throw new UnsupportedOperationException("Task " + name + " cannot be enqueued from an inline run of "
				+ this.request.name() + ": call its task method instead");
	}

	@Override
	public boolean isLeaseLost() {
		return false;
	}

}
