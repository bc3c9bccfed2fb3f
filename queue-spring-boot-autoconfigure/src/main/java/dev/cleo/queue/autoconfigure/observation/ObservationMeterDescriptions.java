/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.observation;

import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Describes the meters that Micrometer's meter handler makes of Cleo's observations (a
 * timer and a long task timer each), as Cleo's own meters are described: the handler
 * gives them none, and Prometheus would show them without {@code HELP}.
 */
final class ObservationMeterDescriptions implements MeterFilter {

	/** As Cleo's own meters say it: every instance reports its own, to be summed. */
	private static final String PER_INSTANCE = " (per instance: sum across instances)";

	private static final Map<String, String> DESCRIPTIONS = Map.of("cleo.enqueue",
			"Time to store enqueued tasks in Redis, per enqueue call and queue" + PER_INSTANCE, "cleo.enqueue.active",
			"Enqueue calls waiting for Redis" + PER_INSTANCE, "cleo.attempt",
			"Time a task attempt's handler ran" + PER_INSTANCE, "cleo.attempt.active",
			"Task attempts running now" + PER_INSTANCE);

	@Override
	public Meter.Id map(Meter.Id id) {
		String description = DESCRIPTIONS.get(id.getName());
		if (description == null || id.getDescription() != null) {
			return id;
		}
		return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
	}

}
