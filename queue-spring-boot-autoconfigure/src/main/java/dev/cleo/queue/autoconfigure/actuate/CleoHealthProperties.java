/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code cleo} health contributor ({@code cleo.health.*}). Turn the
 * contributor off with {@code management.health.cleo.enabled=false}.
 */
@ConfigurationProperties("cleo.health")
public class CleoHealthProperties {

	/**
	 * How long the check waits for Redis before it reports DOWN. A check joins the read
	 * of the queues' counts that scrapes and other checks already started, so checks
	 * during an outage neither pile up reads nor hold a request thread longer than this.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * The most dead-letter tasks a queue may hold before the check reports
	 * status-on-breach; unset for no limit.
	 */
	private @Nullable Long deadLetterThreshold;

	/**
	 * The most waiting tasks (backlog) a queue may hold before the check reports
	 * status-on-breach; unset for no limit.
	 */
	private @Nullable Long backlogThreshold;

	/**
	 * The status reported when a threshold is exceeded, for example OUT_OF_SERVICE or
	 * DOWN.
	 */
	private String statusOnBreach = "OUT_OF_SERVICE";

	/**
	 * Per-queue thresholds that replace the global ones; a queue named here is checked
	 * even before any task was enqueued to it.
	 */
	private final Map<String, Thresholds> queues = new LinkedHashMap<>();

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public @Nullable Long getDeadLetterThreshold() {
		return this.deadLetterThreshold;
	}

	public void setDeadLetterThreshold(@Nullable Long deadLetterThreshold) {
		this.deadLetterThreshold = deadLetterThreshold;
	}

	public @Nullable Long getBacklogThreshold() {
		return this.backlogThreshold;
	}

	public void setBacklogThreshold(@Nullable Long backlogThreshold) {
		this.backlogThreshold = backlogThreshold;
	}

	public String getStatusOnBreach() {
		return this.statusOnBreach;
	}

	public void setStatusOnBreach(String statusOnBreach) {
		this.statusOnBreach = statusOnBreach;
	}

	public Map<String, Thresholds> getQueues() {
		return this.queues;
	}

	/**
	 * Thresholds of one queue; an unset one falls back to the global value.
	 */
	public static class Thresholds {

		/**
		 * The most dead-letter tasks this queue may hold.
		 */
		private @Nullable Long deadLetterThreshold;

		/**
		 * The most waiting tasks this queue may hold.
		 */
		private @Nullable Long backlogThreshold;

		public @Nullable Long getDeadLetterThreshold() {
			return this.deadLetterThreshold;
		}

		public void setDeadLetterThreshold(@Nullable Long deadLetterThreshold) {
			this.deadLetterThreshold = deadLetterThreshold;
		}

		public @Nullable Long getBacklogThreshold() {
			return this.backlogThreshold;
		}

		public void setBacklogThreshold(@Nullable Long backlogThreshold) {
			this.backlogThreshold = backlogThreshold;
		}

	}

}
