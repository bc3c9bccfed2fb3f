/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that runs as many times in a row as the system property
 * {@value RepeatedExtension#PROPERTY} says (default 1), each run a test of its own with
 * its own {@code @BeforeEach} and {@code @AfterEach}: a guarantee that holds once may
 * still break one run in fifty, so stress runs repeat it, for example
 * {@code ./mvnw verify -Dcleo.test.repeat=50 -Dtest=GroupGuaranteesTests}. Maven passes
 * {@code -D} properties on to the forked test JVM.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(RepeatedExtension.class)
public @interface Repeated {

}
