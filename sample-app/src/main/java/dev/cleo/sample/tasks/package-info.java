/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * The {@code send-email} and {@code simulate-work} tasks and their payloads, plain Java,
 * shared by the {@code demo} command and the Spring Boot application.
 */
package dev.cleo.sample.tasks;
