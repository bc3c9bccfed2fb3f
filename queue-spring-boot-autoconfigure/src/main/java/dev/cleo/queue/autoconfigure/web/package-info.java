/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * QueueFlow's HTTP API ({@code /api/jobs}, {@code /api/status}, ...) on Spring MVC, off
 * unless {@code cleo.web.api.enabled=true}.
 */
package dev.cleo.queue.autoconfigure.web;
