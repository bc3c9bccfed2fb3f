/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.cleo.queue.redis.HistoryStore;
import dev.cleo.queue.redis.HistoryStore.StreamEntry;
import dev.cleo.queue.redis.RedisCalls;

/**
 * Reads one queue's ended attempts from its event stream, newest first, from a position
 * on, until a page is full, the scan bound is reached or the stream (or the time range)
 * ends.
 */
final class StreamScan {

	/** Entries read per round trip. */
	private static final int BATCH = 100;

	/**
	 * How far past a time bound entries are read: an entry is written when its attempt's
	 * end is recorded, by Redis's clock, which may differ a little from the worker's.
	 */
	private static final long CLOCK_MARGIN_MS = 10_000;

	private final HistoryStore store;

	private final Duration timeout;

	StreamScan(HistoryStore store, Duration timeout) {
		this.store = store;
		this.timeout = timeout;
	}

	/**
	 * Scan a queue.
	 * @param queue the queue
	 * @param from where to go on (items strictly before it), or {@code null} for the
	 * newest
	 * @param sinceMillis the earliest end wanted (0 for any)
	 * @param untilMillis the end of the range, exclusive ({@link Long#MAX_VALUE} for
	 * none)
	 * @param limit the most attempts
	 * @param filter which attempts count
	 * @param maxLines the most lines to look at
	 * @return what was found, and where to go on
	 */
	Result scan(String queue, Position from, long sinceMillis, long untilMillis, int limit,
			Predicate<TaskAttempt> filter, int maxLines) {
		List<Found> found = new ArrayList<>();
		String upper = (from != null) ? from.entryId()
				: (untilMillis == Long.MAX_VALUE) ? null : ((untilMillis + CLOCK_MARGIN_MS) + "-0");
		long lower = (sinceMillis > CLOCK_MARGIN_MS) ? sinceMillis - CLOCK_MARGIN_MS : 0;
		boolean inclusive = from != null;
		int scanned = 0;
		Position last = from;
		while (true) {
			List<StreamEntry> entries = RedisCalls.await(this.store.eventsBefore(queue, upper, inclusive, lower, BATCH),
					this.timeout, "read the history of queue " + queue);
			for (StreamEntry entry : entries) {
				String[] lines = HistoryLines.lines(entry.lines());
				int start = lines.length - 1;
				if (from != null && entry.id().equals(from.entryId())) {
					start = Math.min(start, from.line() - 1);
				}
				for (int i = start; i >= 0; i--) {
					scanned++;
					last = new Position(entry.id(), i);
					String line = lines[i];
					if (line.charAt(0) == 'E') {
						TaskAttempt attempt = HistoryLines.attempt(queue, HistoryLines.fields(line));
						long ended = attempt.endedAt().toEpochMilli();
						if (ended >= sinceMillis && ended < untilMillis && filter.test(attempt)) {
							found.add(new Found(attempt, last));
							if (found.size() == limit) {
								return new Result(found, last);
							}
						}
					}
					if (scanned >= maxLines) {
						return new Result(found, last);
					}
				}
			}
			if (entries.size() < BATCH) {
				return new Result(found, null);
			}
			upper = entries.get(entries.size() - 1).id();
			inclusive = false;
			from = null;
		}
	}

	/**
	 * A place in a queue's stream: a line of an entry.
	 *
	 * @param entryId the entry's id
	 * @param line the line's index in the entry
	 */
	record Position(String entryId, int line) {

	}

	/**
	 * An attempt found, and its place.
	 *
	 * @param attempt the attempt
	 * @param position its line
	 */
	record Found(TaskAttempt attempt, Position position) {

	}

	/**
	 * A scan's outcome.
	 *
	 * @param found the attempts, newest first
	 * @param resume where a further scan goes on (strictly before it), or {@code null}
	 * when the stream or range is exhausted
	 */
	record Result(List<Found> found, Position resume) {

	}

}
