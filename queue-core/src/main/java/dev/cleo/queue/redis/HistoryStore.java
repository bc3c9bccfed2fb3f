/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.history.HistoryOptions;

/**
 * Reads what the scripts recorded of the tasks' lives: a queue's event stream, a task's
 * attempt records and the statistics rollups. Every read is bounded by its caller's
 * count.
 */
public interface HistoryStore {

	/**
	 * Entries of a queue's event stream, oldest first from after {@code afterId}.
	 * @param queue the queue
	 * @param afterId the last entry already seen ({@code 0-0} for the oldest on)
	 * @param count the most entries
	 * @return the entries
	 */
	CompletableFuture<List<StreamEntry>> eventsAfter(String queue, String afterId, int count);

	/**
	 * Entries of a queue's event stream, newest first, from {@code upperId} back to the
	 * time {@code sinceMillis}.
	 * @param queue the queue
	 * @param upperId the newest entry id of the range ({@code null} for the newest on)
	 * @param inclusive whether the entry {@code upperId} itself is wanted
	 * @param sinceMillis the earliest entry time wanted (0 for any)
	 * @param count the most entries
	 * @return the entries
	 */
	CompletableFuture<List<StreamEntry>> eventsBefore(String queue, String upperId, boolean inclusive, long sinceMillis,
			int count);

	/**
	 * The oldest entry a queue's stream still holds.
	 * @param queue the queue
	 * @return the entry, or {@code null} when the stream is empty
	 */
	CompletableFuture<StreamEntry> firstEvent(String queue);

	/**
	 * A task's attempt records, by attempt number.
	 * @param queue the queue
	 * @param id the task id
	 * @return the task's name, group ("" when none) and records, or {@code null} when
	 * there is no such task
	 */
	CompletableFuture<StoredAttempts> attempts(String queue, String id);

	/**
	 * The rollup buckets of one tier.
	 * @param queue the queue
	 * @param tier {@code m}, {@code h} or {@code d}
	 * @param starts the buckets' start times (epoch ms), at most 1,000
	 * @return each bucket's fields (empty for a bucket without data), in the order asked
	 */
	CompletableFuture<List<Map<String, String>>> rollups(String queue, String tier, List<Long> starts);

	/**
	 * One entry of a queue's event stream.
	 *
	 * @param id the entry's id, {@code <ms>-<seq>} (Redis's clock)
	 * @param sequence the queue's event sequence number ({@code n})
	 * @param lines the event lines
	 */
	record StreamEntry(String id, long sequence, String lines) {

		/**
		 * When Redis added the entry.
		 * @return epoch milliseconds
		 */
		public long millis() {
			return Long.parseLong(this.id.substring(0, this.id.indexOf('-')));
		}

	}

	/**
	 * A task's attempt records, and the fields of its hash its last attempt is read from.
	 *
	 * @param name the task's name
	 * @param group the task's group, "" when none
	 * @param records each retried attempt's record text, by attempt number
	 * @param last the hash's {@link #LAST_FIELDS} that are set
	 */
	record StoredAttempts(String name, String group, Map<Integer, String> records, Map<String, String> last) {

		/** The fields of a task's hash that tell its last attempt. */
		public static final List<String> LAST_FIELDS = List.of("attempts", "state", "outcome", "started_at",
				"finished_at", "worker", "run_at", "created_at", "error", "result");

	}

}
