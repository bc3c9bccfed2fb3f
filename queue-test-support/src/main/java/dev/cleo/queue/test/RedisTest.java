package dev.cleo.queue.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a real Redis: one {@link RedisServer} is started for the
 * class (shared with its {@code @Nested} classes), flushed before each test, closed after
 * the last one, and injected into any constructor, lifecycle or test method parameter of
 * type {@link RedisServer}.
 *
 * @see RedisServerExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RedisServerExtension.class)
public @interface RedisTest {

}
