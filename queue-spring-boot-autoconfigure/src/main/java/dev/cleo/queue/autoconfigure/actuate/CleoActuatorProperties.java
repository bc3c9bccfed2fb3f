/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code queues} Actuator endpoint ({@code cleo.actuator.*}).
 */
@ConfigurationProperties("cleo.actuator")
public class CleoActuatorProperties {

	private final WriteOperations writeOperations = new WriteOperations();

	public WriteOperations getWriteOperations() {
		return this.writeOperations;
	}

	/**
	 * The endpoint's administrative operations (pause, resume, retry and purge dead
	 * letters).
	 */
	public static class WriteOperations {

		/**
		 * Whether the endpoint's write operations run. Off by default: they change what
		 * every instance does, so turn them on deliberately and secure the endpoint;
		 * Actuator's exposure ({@code management.endpoints.web.exposure.include}) and
		 * access settings still apply on top of this switch.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
