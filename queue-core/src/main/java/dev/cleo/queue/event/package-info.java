/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Task events and their in-process listeners.
 */
package dev.cleo.queue.event;
