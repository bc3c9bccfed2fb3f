/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.cleo.queue.test.RedisTest;

/**
 * Marks a test class that works with {@link QueueManager}s on the class's real Redis (see
 * {@link RedisTest}: one server per class, flushed before each test). A
 * {@code @BeforeEach} or test method parameter of type {@link QueueManager} gets a
 * manager with the builder's defaults, the same one for the whole test; one of type
 * {@link QueueManagers} builds managers with other settings. Every manager is closed
 * after the test that made it.
 * <p>
 * Managers keep the default key prefix {@code cleo}: the flush already keeps tests apart,
 * and tests read the raw keys under that prefix.
 *
 * @see QueueManagerExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RedisTest
@ExtendWith(QueueManagerExtension.class)
public @interface QueueManagerTest {

}
