/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How long the worker pools wait for running tasks at shutdown. Spring Boot waits at most
 * {@code spring.lifecycle.timeout-per-shutdown-phase} for the pools to stop; past it, it
 * moves on and closes the Redis connection, and tasks still running cannot be handed back
 * (they stay active until their leases expire). So the pools' wait must end before that
 * timeout, with time left to write outcomes and hand the rest back. Internal.
 */
final class ShutdownTimeout {

	/** The longest margin kept for writing outcomes and handing tasks back. */
	static final Duration MAX_MARGIN = Duration.ofSeconds(5);

	private ShutdownTimeout() {
	}

	/**
	 * Spring Boot's timeout per shutdown phase, as its {@link LifecycleProperties} binds
	 * it.
	 * @param environment the environment
	 * @return {@code spring.lifecycle.timeout-per-shutdown-phase}, or Boot's default
	 */
	static Duration phaseTimeout(Environment environment) {
		return Binder.get(environment)
			.bind("spring.lifecycle", LifecycleProperties.class)
			.orElseGet(LifecycleProperties::new)
			.getTimeoutPerShutdownPhase();
	}

	/**
	 * The pools' shutdown timeout.
	 * @param configured {@code cleo.worker.shutdown-timeout}, or {@code null}
	 * @param phase Spring Boot's timeout per shutdown phase
	 * @return the configured timeout, or the phase timeout less a third of it (at most
	 * {@link #MAX_MARGIN})
	 * @throws CleoStartupException when the configured timeout is not below the phase
	 * timeout
	 */
	static Duration resolve(@Nullable Duration configured, Duration phase) {
		if (configured == null) {
			Duration third = phase.dividedBy(3);
			return phase.minus((third.compareTo(MAX_MARGIN) < 0) ? third : MAX_MARGIN);
		}
		if (configured.compareTo(phase) >= 0) {
			throw new CleoStartupException("cleo.worker.shutdown-timeout (" + text(configured)
					+ ") is not below spring.lifecycle.timeout-per-shutdown-phase (" + text(phase)
					+ "): Spring Boot would stop waiting for the worker pools first and close the Redis connection, "
					+ "so tasks still running could not be handed back and would wait for their leases to expire.",
					"Set cleo.worker.shutdown-timeout a few seconds below spring.lifecycle.timeout-per-shutdown-phase "
							+ "(or leave it unset to derive it), or raise spring.lifecycle.timeout-per-shutdown-phase.",
					null);
		}
		return configured;
	}

	private static String text(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

}
