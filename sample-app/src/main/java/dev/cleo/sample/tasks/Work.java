/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.tasks;

/**
 * The payload of a {@code simulate-work} task.
 *
 * @param millis how long each attempt works
 * @param failTimes how many attempts fail before one succeeds
 */
public record Work(long millis, int failTimes) {

}
