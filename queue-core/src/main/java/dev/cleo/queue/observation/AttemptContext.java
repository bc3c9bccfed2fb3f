/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.observation;

import java.util.Map;

import io.micrometer.observation.transport.ReceiverContext;

/**
 * The context of a {@code cleo.attempt} observation (kind {@code CONSUMER}): its carrier
 * is the header map stored at the task's enqueue, from which a tracing handler
 * (Micrometer Tracing's {@code PropagatingReceiverTracingObservationHandler}) continues
 * the trace.
 */
public class AttemptContext extends ReceiverContext<Map<String, String>> {

	private final String queue;

	private final String taskName;

	private final String taskId;

	private final int attempt;

	/**
	 * Create a context.
	 * @param queue the queue
	 * @param taskName the task's name
	 * @param taskId the task's id
	 * @param attempt this attempt's number, from 1
	 * @param headers the headers stored with the task (empty when none)
	 */
	public AttemptContext(String queue, String taskName, String taskId, int attempt, Map<String, String> headers) {
		super(Map::get);
		this.queue = queue;
		this.taskName = taskName;
		this.taskId = taskId;
		this.attempt = attempt;
		setCarrier(headers);
		setRemoteServiceName("cleo");
	}

	/**
	 * The task's queue.
	 * @return the queue
	 */
	public String getQueue() {
		return this.queue;
	}

	/**
	 * The task's name.
	 * @return the name
	 */
	public String getTaskName() {
		return this.taskName;
	}

	/**
	 * The task's id.
	 * @return the id
	 */
	public String getTaskId() {
		return this.taskId;
	}

	/**
	 * This attempt's number.
	 * @return the number, from 1
	 */
	public int getAttempt() {
		return this.attempt;
	}

}
