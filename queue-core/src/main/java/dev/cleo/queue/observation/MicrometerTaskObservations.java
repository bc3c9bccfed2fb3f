/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.observation;

import java.util.Map;
import java.util.Objects;

import dev.cleo.queue.redis.ClaimedTask;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Internal, not API: {@link TaskObservations} on a Micrometer
 * {@link ObservationRegistry}. The headers a tracing handler writes at enqueue are stored
 * with the tasks as a JSON object (only when there are any) and read back at each
 * attempt, so the attempt continues the enqueue's trace, on whatever instance runs it.
 */
public final class MicrometerTaskObservations implements TaskObservations {

	/**
	 * Headers longer than this (as JSON) are not stored: trace context takes a few
	 * hundred characters, and baggage must not grow every task.
	 */
	static final int MAX_HEADERS_LENGTH = 4096;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private static final EnqueueObservationConvention ENQUEUE = new EnqueueObservationConvention();

	private static final AttemptObservationConvention ATTEMPT = new AttemptObservationConvention();

	private final ObservationRegistry registry;

	private final boolean tracing;

	/**
	 * Observe on a registry.
	 * @param registry the registry
	 * @param tracing whether it traces, so that attempts read the stored headers
	 */
	public MicrometerTaskObservations(ObservationRegistry registry, boolean tracing) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.tracing = tracing;
	}

	/**
	 * The observations on a registry, or {@link TaskObservations#NONE} for the no-op one.
	 * @param registry the registry
	 * @param tracing whether it traces
	 * @return the observations
	 */
	public static TaskObservations of(ObservationRegistry registry, boolean tracing) {
		return registry.isNoop() ? NONE : new MicrometerTaskObservations(registry, tracing);
	}

	@Override
	public boolean readsHeaders() {
		return this.tracing;
	}

	@Override
	public Enqueue enqueue(String queue, String taskName) {
		EnqueueContext context = new EnqueueContext(queue, taskName);
		Observation observation = Observation.createNotStarted(null, ENQUEUE, () -> context, this.registry).start();
		String headers = encode(context.getCarrier());
		return new Enqueue() {

			@Override
			public String headers() {
				return headers;
			}

			@Override
			public void stop(Throwable error) {
				if (error != null) {
					observation.error(error);
				}
				observation.stop();
			}

		};
	}

	@Override
	public Attempt attempt(ClaimedTask task) {
		AttemptContext context = new AttemptContext(task.queue(), task.name(), task.id(), task.attempt(),
				decode(task.headers()));
		Observation observation = Observation.createNotStarted(null, ATTEMPT, () -> context, this.registry).start();
		Observation.Scope scope = observation.openScope();
		return (error) -> {
			scope.close();
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		};
	}

	private static String encode(Map<String, String> headers) {
		if (headers.isEmpty()) {
			return null;
		}
		String json = JSON.writeValueAsString(headers);
		return (json.length() <= MAX_HEADERS_LENGTH) ? json : null;
	}

	/**
	 * Stored headers; ones that cannot be read start a new trace, never fail the attempt.
	 */
	private static Map<String, String> decode(String json) {
		if (json == null || json.isEmpty()) {
			return Map.of();
		}
		try {
			return JSON.readValue(json, HEADERS);
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}

}
