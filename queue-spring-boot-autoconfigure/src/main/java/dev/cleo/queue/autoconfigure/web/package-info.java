/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * QueueFlow's HTTP API ({@code /api/jobs}, {@code /api/status}, ...) on Spring MVC, off
 * unless {@code cleo.web.api.enabled=true}: callers enqueue only the exposed task types,
 * to the application's queues, with options within its own; every error is an RFC 9457
 * problem. The controllers, request and answer records and the auto-configuration are
 * API; the other types are internal.
 */
package dev.cleo.queue.autoconfigure.web;
