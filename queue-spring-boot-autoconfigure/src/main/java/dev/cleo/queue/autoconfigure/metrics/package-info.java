/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Micrometer meters for task events, queue depth and running tasks, loaded only when
 * Micrometer and a {@code MeterRegistry} are present. No meter waits for Redis on a
 * scrape, and only queues the application knows become tag values.
 */
package dev.cleo.queue.autoconfigure.metrics;
