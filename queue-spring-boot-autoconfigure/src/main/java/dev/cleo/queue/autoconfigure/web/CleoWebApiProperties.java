/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of QueueFlow's HTTP API ({@code cleo.web.api.*}).
 */
@ConfigurationProperties("cleo.web.api")
public class CleoWebApiProperties {

	/**
	 * Whether the HTTP API ({@code /api/jobs}, {@code /api/status}, {@code /api/health},
	 * {@code /api/dlq/reprocess}, {@code /api/cleanup}) is served. Off by default: it
	 * lets callers enqueue any registered task and manage dead letters, so secure it
	 * (Spring Security) before exposing it.
	 */
	private boolean enabled = false;

	/**
	 * The queue of a job whose request names none and whose type has no entry in
	 * {@code task-queues}; also the queue of dead-letter and job look-ups that name none.
	 */
	private String defaultQueue = "default";

	/**
	 * The queue of each task type, for jobs whose request names no queue, for example
	 * {@code send-email: notifications}. Job look-ups without a queue search these queues
	 * and the default one.
	 */
	private final Map<String, String> taskQueues = new LinkedHashMap<>();

	/**
	 * How many dead letters {@code POST /api/dlq/reprocess} retries when the request
	 * names neither job ids nor {@code maxJobs}.
	 */
	private int defaultMaxJobs = 100;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getDefaultQueue() {
		return this.defaultQueue;
	}

	public void setDefaultQueue(String defaultQueue) {
		this.defaultQueue = defaultQueue;
	}

	public Map<String, String> getTaskQueues() {
		return this.taskQueues;
	}

	public int getDefaultMaxJobs() {
		return this.defaultMaxJobs;
	}

	public void setDefaultMaxJobs(int defaultMaxJobs) {
		this.defaultMaxJobs = defaultMaxJobs;
	}

}
