/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.SenderContext;

/**
 * The context of a {@code cleo.enqueue} observation (kind {@code PRODUCER}): its carrier
 * is the header map stored with the enqueued tasks, into which a tracing handler
 * (Micrometer Tracing's {@code PropagatingSenderTracingObservationHandler}) writes the
 * trace context ({@code traceparent} and the like).
 */
public class EnqueueContext extends SenderContext<Map<String, String>> {

	private final String queue;

	private final String taskName;

	/**
	 * Create a context.
	 * @param queue the queue
	 * @param taskName the tasks' name, {@code "mixed"} for a batch of several names
	 */
	public EnqueueContext(String queue, String taskName) {
		super(Map::put);
		this.queue = queue;
		this.taskName = taskName;
		setCarrier(new LinkedHashMap<>());
		setRemoteServiceName("cleo");
	}

	/**
	 * The queue the tasks go to.
	 * @return the queue
	 */
	public String getQueue() {
		return this.queue;
	}

	/**
	 * The tasks' name.
	 * @return the name, {@code "mixed"} for a batch of several names
	 */
	public String getTaskName() {
		return this.taskName;
	}

}
