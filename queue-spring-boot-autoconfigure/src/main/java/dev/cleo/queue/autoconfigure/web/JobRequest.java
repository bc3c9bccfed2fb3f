/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/jobs}.
 *
 * @param type the registered task name to run
 * @param payload the task's payload, any JSON
 * @param options how to enqueue it, or {@code null} for the defaults
 */
public record JobRequest(@Nullable String type, @Nullable JsonNode payload, @Nullable JobOptions options) {

}
