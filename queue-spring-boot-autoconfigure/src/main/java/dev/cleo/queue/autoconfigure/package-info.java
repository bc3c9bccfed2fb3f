/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Spring Boot auto-configuration of Cleo: {@code cleo.*} properties, the
 * {@code QueueManager} on Spring Boot's Lettuce client, the start-up steps (group
 * settings, handlers, schedules) as beans, and worker pool beans run by one
 * {@code WorkerPoolRegistry} with the application context.
 */
package dev.cleo.queue.autoconfigure;
