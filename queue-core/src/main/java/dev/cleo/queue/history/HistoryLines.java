/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the lines the scripts write into a queue's event stream and the attempt records
 * they keep in task hashes (their layout is documented with {@code RedisKeys}).
 */
final class HistoryLines {

	static final char FIELD = '\u001f';

	private HistoryLines() {
	}

	/** A line's fields. */
	static String[] fields(String line) {
		List<String> out = new ArrayList<>(12);
		int from = 0;
		while (true) {
			int at = line.indexOf(FIELD, from);
			if (at < 0) {
				out.add(line.substring(from));
				return out.toArray(String[]::new);
			}
			out.add(line.substring(from, at));
			from = at + 1;
		}
	}

	/** An entry's lines, in the order the script wrote them. */
	static String[] lines(String text) {
		return text.isEmpty() ? new String[0] : text.split("\n");
	}

	/**
	 * The attempt an {@code E} line tells of:
	 * {@code E id attempt outcome next name group worker started ended wait text}.
	 */
	static TaskAttempt attempt(String queue, String[] f) {
		AttemptOutcome outcome = AttemptOutcome.ofCode(f[3]);
		String text = f[11];
		return new TaskAttempt(queue, f[1], f[5], f[6].isEmpty() ? null : f[6], Integer.parseInt(f[2]), f[7],
				Instant.ofEpochMilli(Long.parseLong(f[8])), Instant.ofEpochMilli(Long.parseLong(f[9])),
				Duration.ofMillis(Long.parseLong(f[10])), outcome, "r".equals(f[4]), "d".equals(f[4]),
				(outcome == AttemptOutcome.COMPLETED) ? null : AttemptError.parse(text),
				(outcome == AttemptOutcome.COMPLETED && !text.isEmpty()) ? text : null);
	}

	/**
	 * The attempt a task hash's record tells of:
	 * {@code outcome next started ended wait worker error} (the error last, as it is).
	 */
	static TaskAttempt record(String queue, String id, String name, String group, int attempt, String record) {
		String[] f = record.split("\u001f", 7);
		AttemptOutcome outcome = AttemptOutcome.ofCode(f[0]);
		return new TaskAttempt(queue, id, name, group.isEmpty() ? null : group, attempt, f[5],
				Instant.ofEpochMilli(Long.parseLong(f[2])), Instant.ofEpochMilli(Long.parseLong(f[3])),
				Duration.ofMillis(Long.parseLong(f[4])), outcome, "r".equals(f[1]), "d".equals(f[1]),
				AttemptError.parse((f.length > 6) ? f[6] : ""), null);
	}

	/**
	 * The last attempt of a task that ended, from its hash's own fields: the ack that
	 * ended it wrote its {@code outcome} beside them (with history on).
	 * @return the attempt, or {@code null} when the task has not ended an attempt that
	 * way
	 */
	static TaskAttempt last(String queue, String id, String name, String group, Map<String, String> hash) {
		String outcome = hash.get("outcome");
		String state = hash.get("state");
		String started = hash.get("started_at");
		String finished = hash.get("finished_at");
		if (outcome == null || started == null || finished == null
				|| !("completed".equals(state) || "dead".equals(state) || "cancelled".equals(state))) {
			return null;
		}
		long startedAt = Long.parseLong(started);
		String due = hash.getOrDefault("run_at", hash.get("created_at"));
		long wait = (due != null) ? Math.max(0, startedAt - Long.parseLong(due)) : 0;
		AttemptOutcome ended = AttemptOutcome.ofCode(outcome);
		return new TaskAttempt(queue, id, name, group.isEmpty() ? null : group,
				Integer.parseInt(hash.getOrDefault("attempts", "1")), hash.getOrDefault("worker", ""),
				Instant.ofEpochMilli(startedAt), Instant.ofEpochMilli(Long.parseLong(finished)),
				Duration.ofMillis(wait), ended, false, "dead".equals(state),
				(ended == AttemptOutcome.COMPLETED) ? null : AttemptError.parse(hash.get("error")),
				(ended == AttemptOutcome.COMPLETED) ? hash.get("result") : null);
	}

}
