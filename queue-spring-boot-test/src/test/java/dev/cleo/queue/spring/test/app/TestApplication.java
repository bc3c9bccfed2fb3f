/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application that uses Cleo, as a user's would be: its tests are what a
 * generated {@code contextLoads()} grows into.
 */
@SpringBootApplication
public class TestApplication {

}
