/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Instant;
import java.util.Map;

import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskState;

/**
 * Reads a task hash (see {@link RedisKeys}) into a {@link TaskInfo}.
 */
final class TaskInfoReader {

	private TaskInfoReader() {
	}

	static TaskInfo read(String queue, String id, Map<String, String> hash) {
		return new TaskInfo(id, queue, hash.get("name"), TaskState.fromValue(hash.get("state")),
				intOf(hash, "priority"), intOf(hash, "attempts"), intOf(hash, "max_attempts"),
				instantOf(hash, "created_at"), instantOf(hash, hash.containsKey("run_at") ? "run_at" : "created_at"),
				instantOf(hash, "started_at"), instantOf(hash, "finished_at"), hash.get("worker"), hash.get("error"),
				hash.get("payload"), hash.get("result"), hash.containsKey("progress") ? intOf(hash, "progress") : null,
				hash.get("group"));
	}

	private static int intOf(Map<String, String> hash, String field) {
		String value = hash.get(field);
		return (value != null) ? Integer.parseInt(value) : 0;
	}

	private static Instant instantOf(Map<String, String> hash, String field) {
		String value = hash.get(field);
		return (value != null) ? Instant.ofEpochMilli(Long.parseLong(value)) : null;
	}

}
