/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;
import org.springframework.boot.test.context.PropertyMapping.Skip;

/**
 * Put beside {@code @SpringBootTest} to test an application that uses Cleo without a
 * Redis of its own:
 * <ul>
 * <li>{@code spring.data.redis.url} names a {@code redis-server} that the test support
 * starts once per JVM on a free port and stops when the JVM exits (or the server named by
 * the environment variable {@code CLEO_TEST_REDIS_URL});</li>
 * <li>{@code cleo.key-prefix} is {@code test-<random>}, one per class that declares the
 * annotation, so test classes and parallel builds never see each other's tasks (put the
 * annotation on a shared base class to share one prefix, and one cached context, among
 * its subclasses);</li>
 * <li>a {@link CleoTestQueues} bean waits until the queues are idle;</li>
 * <li>with {@link #inline()}, calls of task methods run at once on the calling
 * thread.</li>
 * </ul>
 * Properties the test sets itself ({@code @SpringBootTest(properties = ...)},
 * {@code @TestPropertySource}) win over these. Found on enclosing classes of
 * {@code @Nested} tests and as a meta-annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("cleo.test")
public @interface CleoTest {

	/**
	 * Whether calls of {@code @Task} / {@code @QueueClass} methods run the real method at
	 * once on the calling thread instead of being enqueued, for unit-style tests: a
	 * {@code CompletableFuture} comes back completed with the result (or failed with what
	 * the method threw), a {@code TaskHandle} is {@code TaskHandle.completed(result)}, a
	 * {@code void} method throws what it threw. The arguments and the result still make
	 * the round trip through the application's serializer, so what could not travel
	 * through Redis fails here too; there are no retries. Also set by the property
	 * {@code cleo.test.inline=true}.
	 * @return whether task calls run inline
	 */
	@PropertyMapping(value = "inline", skip = Skip.ON_DEFAULT_VALUE)
	boolean inline() default false;

}
