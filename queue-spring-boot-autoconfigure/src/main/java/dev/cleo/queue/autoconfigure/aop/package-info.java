/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * The {@code @QueueClass} / {@code @Task} proxy: a call enqueues, a worker invokes the
 * real method. Internal, except
 * {@link dev.cleo.queue.autoconfigure.aop.TaskDefinitionException}, which a start-up
 * failure carries, {@link dev.cleo.queue.autoconfigure.aop.TaskNotEnqueuedException},
 * which fails the future of a call that a transaction held back and did not enqueue, and
 * {@link dev.cleo.queue.autoconfigure.aop.InlineTaskCalls}, the switch of the test
 * support's inline mode. It imports nothing from the auto-configuration package: what it
 * needs from configuration comes in through
 * {@link dev.cleo.queue.autoconfigure.aop.TaskMethodDefaults}.
 */
package dev.cleo.queue.autoconfigure.aop;
