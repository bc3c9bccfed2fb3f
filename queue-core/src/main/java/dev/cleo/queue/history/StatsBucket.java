/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Instant;

/**
 * One bucket of a statistics time series.
 *
 * @param start the bucket's start
 * @param totals what was counted in it
 */
public record StatsBucket(Instant start, StatsTotals totals) {

}
