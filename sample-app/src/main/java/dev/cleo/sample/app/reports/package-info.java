/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Slow report generation through the {@code QueueManager} and a named handler that
 * reports progress and logs, with its HTTP front.
 */
package dev.cleo.sample.app.reports;
