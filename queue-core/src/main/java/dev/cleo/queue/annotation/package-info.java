/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Annotations that turn methods of an application's beans into Cleo tasks; plain Java,
 * read by the Spring Boot integration ({@code queue-spring-boot-autoconfigure}).
 */
package dev.cleo.queue.annotation;
