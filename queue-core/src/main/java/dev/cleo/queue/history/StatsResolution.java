/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;

/**
 * The width of the buckets of a statistics time series, and so the rollup tier read.
 */
public enum StatsResolution {

	/** Minute buckets, kept for {@link HistoryOptions#minuteRetention()}. */
	MINUTE("m", Duration.ofMinutes(1)),

	/** Hour buckets, kept for {@link HistoryOptions#hourRetention()}. */
	HOUR("h", Duration.ofHours(1)),

	/** UTC day buckets, kept for {@link HistoryOptions#dayRetention()}. */
	DAY("d", Duration.ofDays(1));

	private final String tier;

	private final Duration width;

	StatsResolution(String tier, Duration width) {
		this.tier = tier;
		this.width = width;
	}

	/**
	 * A bucket's width.
	 * @return the width
	 */
	public Duration width() {
		return this.width;
	}

	String tier() {
		return this.tier;
	}

	Duration retention(HistoryOptions options) {
		return switch (this) {
			case MINUTE -> options.minuteRetention();
			case HOUR -> options.hourRetention();
			case DAY -> options.dayRetention();
		};
	}

}
