/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test.app;

import java.util.List;

/**
 * A task argument that travels as JSON.
 *
 * @param name who is greeted
 * @param tags free labels
 */
public record Greeting(String name, List<String> tags) {

}
