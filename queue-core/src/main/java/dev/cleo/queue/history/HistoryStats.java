/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Instant;
import java.util.List;

/**
 * The statistics of a scope over a time range, with its time series.
 *
 * @param since the start of the first bucket (the query's start, rounded down to the
 * resolution)
 * @param until the end of the last bucket
 * @param resolution the buckets' width
 * @param totals the whole range
 * @param series one bucket per {@code resolution}, oldest first, empty ones included
 * @param coveredFrom the earliest time history still holds data for at this resolution
 * (the tier's retention, or for a group's statistics the oldest event the stream keeps):
 * before it, buckets are empty because the data is gone, not because nothing ran
 */
public record HistoryStats(Instant since, Instant until, StatsResolution resolution, StatsTotals totals,
		List<StatsBucket> series, Instant coveredFrom) {

	/**
	 * Keep an unmodifiable copy.
	 */
	public HistoryStats {
		series = List.copyOf(series);
	}

}
