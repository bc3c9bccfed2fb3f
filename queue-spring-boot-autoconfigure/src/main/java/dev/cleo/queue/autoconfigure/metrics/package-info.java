/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Micrometer meters for task events, queue depth and running tasks, loaded only when
 * Micrometer and a {@code MeterRegistry} are present.
 */
package dev.cleo.queue.autoconfigure.metrics;
