/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Test support for applications that use Cleo:
 * {@link dev.cleo.queue.spring.test.CleoTest} beside {@code @SpringBootTest} gives the
 * test context a Redis and a private key prefix,
 * {@link dev.cleo.queue.spring.test.CleoTestQueues} waits until the queues are idle, and
 * {@code @CleoTest(inline = true)} runs task methods on the calling thread.
 */
package dev.cleo.queue.spring.test;
