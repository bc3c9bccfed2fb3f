/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Cleo's public API: QueueManager, task options, handles, handlers and their context.
 */
package dev.cleo.queue;
