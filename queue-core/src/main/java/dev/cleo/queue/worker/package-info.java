/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Worker pools: claiming, running, heartbeats, lease reaping and graceful shutdown.
 */
package dev.cleo.queue.worker;
