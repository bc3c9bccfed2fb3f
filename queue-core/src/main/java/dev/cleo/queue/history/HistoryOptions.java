/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;
import java.util.Objects;

/**
 * What a manager records of its tasks' lives, and how much of it Redis keeps: each
 * queue's event stream (one entry per script call that changed tasks, bounded by entries
 * and age), each ended attempt's record (kept with its task), and the rollups of the
 * statistics in three tiers, each bounded by age.
 *
 * @param enabled whether anything is recorded; off, the scripts write no event, record
 * and rollup, and {@link TaskHistoryService} answers from nothing
 * @param streamMaxEvents about the most events (lines) a queue's event stream keeps:
 * entries, one per script call, hold a batch of events each, and the stream is trimmed
 * every 64 entries to about this many events (and never holds more entries than this);
 * 100 to 10,000,000
 * @param streamMaxAge the age after which a stream entry is trimmed; 1 minute to 30 days
 * @param minuteRetention how long per-minute rollups are kept; 1 hour to 7 days
 * @param hourRetention how long per-hour rollups are kept; 1 day to 90 days
 * @param dayRetention how long per-day rollups are kept; 7 days to 5 years
 * @param maxErrorLength the most characters of a failure's error (class, message and
 * trimmed stack trace) stored with its attempt and its task; 200 to 64,000 (whether
 * history is on or not)
 */
public record HistoryOptions(boolean enabled, long streamMaxEvents, Duration streamMaxAge, Duration minuteRetention,
		Duration hourRetention, Duration dayRetention, int maxErrorLength) {

	/** The most characters {@link #maxErrorLength()} may be. */
	public static final int MAX_ERROR_LENGTH = 64_000;

	private static final HistoryOptions DEFAULTS = new HistoryOptions(true, 100_000, Duration.ofDays(1),
			Duration.ofHours(6), Duration.ofDays(14), Duration.ofDays(400), 4_000);

	/**
	 * Check the bounds.
	 */
	public HistoryOptions {
		Objects.requireNonNull(streamMaxAge, "streamMaxAge must not be null");
		Objects.requireNonNull(minuteRetention, "minuteRetention must not be null");
		Objects.requireNonNull(hourRetention, "hourRetention must not be null");
		Objects.requireNonNull(dayRetention, "dayRetention must not be null");
		if (streamMaxEvents < 100 || streamMaxEvents > 10_000_000) {
			throw new IllegalArgumentException(
					"streamMaxEvents must be between 100 and 10000000, was " + streamMaxEvents);
		}
		within("streamMaxAge", streamMaxAge, Duration.ofMinutes(1), Duration.ofDays(30));
		within("minuteRetention", minuteRetention, Duration.ofHours(1), Duration.ofDays(7));
		within("hourRetention", hourRetention, Duration.ofDays(1), Duration.ofDays(90));
		within("dayRetention", dayRetention, Duration.ofDays(7), Duration.ofDays(5 * 366));
		if (maxErrorLength < 200 || maxErrorLength > MAX_ERROR_LENGTH) {
			throw new IllegalArgumentException(
					"maxErrorLength must be between 200 and " + MAX_ERROR_LENGTH + ", was " + maxErrorLength);
		}
	}

	/**
	 * The defaults: on; streams of about 100,000 events and at most one day; minute
	 * rollups for 6 hours, hour rollups for 14 days, day rollups for 400 days; errors of
	 * at most 4,000 characters.
	 * @return the defaults
	 */
	public static HistoryOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Nothing recorded.
	 * @return the defaults, switched off
	 */
	public static HistoryOptions off() {
		return DEFAULTS.withEnabled(false);
	}

	/**
	 * These options, switched on or off.
	 * @param enabled whether to record
	 * @return the options
	 */
	public HistoryOptions withEnabled(boolean enabled) {
		return new HistoryOptions(enabled, this.streamMaxEvents, this.streamMaxAge, this.minuteRetention,
				this.hourRetention, this.dayRetention, this.maxErrorLength);
	}

	private static void within(String name, Duration value, Duration min, Duration max) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
		}
	}

}
