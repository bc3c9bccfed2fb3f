/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags {@code cleo.enqueue} observations. The default tags each with
 * {@code queue} and {@code task} (both bounded); an application may replace it with a
 * {@code GlobalObservationConvention<EnqueueContext>} on its registry.
 */
public class EnqueueObservationConvention implements ObservationConvention<EnqueueContext> {

	/** The observation's (and so its timer's) name. */
	public static final String NAME = "cleo.enqueue";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(EnqueueContext context) {
		return "enqueue " + context.getQueue();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(EnqueueContext context) {
		return KeyValues.of("queue", context.getQueue(), "task", context.getTaskName());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof EnqueueContext;
	}

}
