/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Micrometer Observations of enqueues and attempts on the application's
 * {@code ObservationRegistry}, so that traces continue across the queue.
 */
package dev.cleo.queue.autoconfigure.observation;
