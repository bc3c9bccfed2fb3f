/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.lang.reflect.Type;
import java.time.Instant;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.redis.ClaimedTask;

/**
 * The {@link TaskContext} of one attempt on a worker. Progress and log lines are written
 * only while the attempt holds its lease.
 */
final class WorkerTaskContext implements TaskContext {

	private static final int MAX_LOG_LINE = 2_000;

	private static final int MAX_STAGE = 200;

	private final RunningTask running;

	private final WorkerServices services;

	WorkerTaskContext(RunningTask running, WorkerServices services) {
		this.running = running;
		this.services = services;
	}

	@Override
	public String id() {
		return task().id();
	}

	@Override
	public String queue() {
		return task().queue();
	}

	@Override
	public String name() {
		return task().name();
	}

	@Override
	public int attempt() {
		return task().attempt();
	}

	@Override
	public int maxAttempts() {
		return task().maxAttempts();
	}

	@Override
	public String payloadJson() {
		return task().payloadJson();
	}

	@Override
	public <T> T payload(Class<T> type) {
		return payload((Type) type);
	}

	@Override
	public <T> T payload(Type type) {
		return this.services.serializer().read(task().payloadJson(), type);
	}

	@Override
	public void progress(int percent, String stage) {
		if (percent < 0 || percent > 100) {
			throw new InvalidTaskOptionException("progress must be between 0 and 100, was " + percent);
		}
		if (stage != null && stage.length() > MAX_STAGE) {
			throw new InvalidTaskOptionException(
					"a progress stage must be at most " + MAX_STAGE + " characters, was " + stage.length());
		}
		this.services.store().report(queue(), this.running.lease(), percent, stage, null, this.services.maxLogLines());
		if (this.services.events().hasListeners(ObserverEvent.PROGRESS)) {
			this.services.events()
				.publish(new TaskEvent(ObserverEvent.PROGRESS, queue(), id(), name(), attempt(),
						Instant.now(this.services.clock()), Integer.toString(percent), null));
		}
	}

	@Override
	public void log(String line) {
		String text = (line.length() > MAX_LOG_LINE) ? line.substring(0, MAX_LOG_LINE) : line;
		String stamped = Instant.now(this.services.clock()) + " [attempt " + attempt() + "] " + text;
		this.services.store().report(queue(), this.running.lease(), null, null, stamped, this.services.maxLogLines());
	}

	@Override
	public TaskHandle<Object> enqueue(String name, Object payload, TaskOptions options) {
		TaskOptions childOptions = (options != null) ? options : TaskOptions.defaults().queue(queue());
		return this.services.enqueuer().enqueue(new TaskRequest(name, payload, childOptions));
	}

	@Override
	public boolean isLeaseLost() {
		return this.running.leaseLost();
	}

	private ClaimedTask task() {
		return this.running.task();
	}

}
