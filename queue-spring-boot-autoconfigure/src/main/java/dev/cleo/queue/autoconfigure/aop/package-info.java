/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * The {@code @QueueClass} / {@code @Task} proxy: a call enqueues, a worker invokes the
 * real method. Internal.
 */
package dev.cleo.queue.autoconfigure.aop;
