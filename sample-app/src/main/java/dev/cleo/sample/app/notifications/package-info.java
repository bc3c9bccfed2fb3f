/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * E-mail notifications as tasks: a {@code @QueueClass} service.
 */
package dev.cleo.sample.app.notifications;
