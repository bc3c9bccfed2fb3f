/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Micrometer Observations of enqueues and attempts, and the trace context that a task
 * carries from the one to the other. Micrometer is optional: only
 * {@link dev.cleo.queue.observation.MicrometerTaskObservations} and the contexts use it.
 */
package dev.cleo.queue.observation;
