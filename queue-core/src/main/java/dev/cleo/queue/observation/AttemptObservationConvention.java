/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags {@code cleo.attempt} observations: {@code queue} and {@code task} (both
 * bounded) as low-cardinality tags, {@code task.id} and {@code task.attempt} as
 * high-cardinality ones (spans only, never meters). A failed attempt's exception is the
 * observation's error, which Micrometer's meter handler turns into the {@code error} tag.
 * An application may replace it with a
 * {@code GlobalObservationConvention<AttemptContext>}.
 */
public class AttemptObservationConvention implements ObservationConvention<AttemptContext> {

	/** The observation's (and so its timer's) name. */
	public static final String NAME = "cleo.attempt";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(AttemptContext context) {
		return "attempt " + context.getQueue();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AttemptContext context) {
		return KeyValues.of("queue", context.getQueue(), "task", context.getTaskName());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AttemptContext context) {
		return KeyValues.of("task.id", context.getTaskId(), "task.attempt", Integer.toString(context.getAttempt()));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AttemptContext;
	}

}
