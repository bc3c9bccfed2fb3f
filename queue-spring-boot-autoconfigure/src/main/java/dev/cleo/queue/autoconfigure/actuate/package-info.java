/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Actuator support: the {@code queues} endpoint and the {@code cleo} health contributor,
 * each in its own auto-configuration so nothing here loads without Actuator.
 */
package dev.cleo.queue.autoconfigure.actuate;
