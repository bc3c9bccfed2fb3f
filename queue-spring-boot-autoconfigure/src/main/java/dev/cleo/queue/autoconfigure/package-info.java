/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Spring Boot auto-configuration of Cleo: {@code cleo.*} properties, the
 * {@code QueueManager} on Spring Boot's Lettuce client, and worker pools run with the
 * application context.
 */
package dev.cleo.queue.autoconfigure;
