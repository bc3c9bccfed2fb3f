/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of one part of Cleo's Spring glue on a plain {@link QueueManager} over the test
 * support's Redis: a new manager for each test, built before the subclass's
 * {@code @BeforeEach} methods run and closed after its {@code @AfterEach} methods, so
 * those may still use it.
 */
@RedisTest
public abstract class AbstractQueueManagerTests {

	/** The manager of the running test. */
	@AutoClose
	protected QueueManager manager;

	@BeforeEach
	void startManager(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).build();
	}

}
