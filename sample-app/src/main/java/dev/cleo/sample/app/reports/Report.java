/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.reports;

/**
 * A finished report: the result of a {@code generate-report} task.
 *
 * @param title the title
 * @param rows how many rows it has
 * @param generatedAt when it was finished, epoch milliseconds
 */
public record Report(String title, int rows, long generatedAt) {

}
