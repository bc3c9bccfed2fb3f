/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/jobs}.
 *
 * @param type the task type to run: one the API exposes
 * @param payload the task's payload, any JSON; for a {@code @Task} method, its arguments
 * (the argument itself for a method of one parameter, else a JSON array of them)
 * @param options how to enqueue it, or {@code null} for what the application configures
 */
public record JobRequest(@Nullable String type, @Nullable JsonNode payload, @Nullable JobOptions options) {

}
