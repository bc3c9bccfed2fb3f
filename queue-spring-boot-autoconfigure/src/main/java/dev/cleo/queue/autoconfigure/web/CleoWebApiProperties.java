/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of QueueFlow's HTTP API ({@code cleo.web.api.*}).
 */
@ConfigurationProperties("cleo.web.api")
public class CleoWebApiProperties {

	/**
	 * Whether the HTTP API (/api/jobs, /api/status, /api/health, /api/dlq/reprocess,
	 * /api/cleanup, /api/history, /api/tasks, /api/workers) is served. Off by default: it
	 * lets callers enqueue the exposed task types, so secure it (Spring Security) before
	 * exposing it. Its writes other than enqueueing also need
	 * cleo.write-operations.enabled.
	 */
	private boolean enabled = false;

	/**
	 * The path the API is served under.
	 */
	private String basePath = "/api";

	/**
	 * The queue of a job whose request names none and whose type has no entry in
	 * task-queues; also the queue of dead-letter and job look-ups that name none.
	 */
	private String defaultQueue = "default";

	/**
	 * The task types callers may enqueue besides the application's handlers, with the
	 * queue of each for jobs whose request names none, for example send-email:
	 * notifications. A @Task method can be enqueued through the API only when listed
	 * here; it then runs on the queue its declaration gives it. Job look-ups without a
	 * queue search these queues and the default one.
	 */
	private final Map<String, String> taskQueues = new LinkedHashMap<>();

	/**
	 * How many dead letters POST /api/dlq/reprocess retries when the request names
	 * neither job ids nor maxJobs.
	 */
	private int defaultMaxJobs = 100;

	/**
	 * The longest delay a caller may give a job.
	 */
	private Duration maxDelay = Duration.ofDays(7);

	/**
	 * The longest time to live a caller may give a job; a TTL configured for the queue
	 * bounds it further.
	 */
	private Duration maxTtl = Duration.ofDays(7);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
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

	public Duration getMaxDelay() {
		return this.maxDelay;
	}

	public void setMaxDelay(Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

	public Duration getMaxTtl() {
		return this.maxTtl;
	}

	public void setMaxTtl(Duration maxTtl) {
		this.maxTtl = maxTtl;
	}

}
