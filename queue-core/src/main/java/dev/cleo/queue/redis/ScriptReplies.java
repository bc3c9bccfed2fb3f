/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the flat arrays the scripts return (their layouts are documented in each script's
 * header).
 */
final class ScriptReplies {

	private ScriptReplies() {
	}

	static List<EnqueueResult> enqueued(List<Object> reply) {
		List<EnqueueResult> results = new ArrayList<>(reply.size() / 2);
		for (int i = 0; i < reply.size(); i += 2) {
			int code = ((Long) reply.get(i + 1)).intValue();
			results.add(switch (code) {
				case 0 -> new EnqueueResult((String) reply.get(i), EnqueueResult.Status.STORED, 0);
				case 1 -> new EnqueueResult((String) reply.get(i), EnqueueResult.Status.DUPLICATE, 0);
				case 2 -> new EnqueueResult(null, EnqueueResult.Status.GROUP_FULL, (Long) reply.get(i));
				default -> new EnqueueResult(null, EnqueueResult.Status.BATCH_REFUSED, 0);
			});
		}
		return results;
	}

	/** Nine values per task, and its headers ("" for none) as a tenth when asked for. */
	static ClaimBatch claimed(String queue, List<Object> reply, boolean withHeaders) {
		int per = withHeaders ? 10 : 9;
		List<ClaimedTask> tasks = new ArrayList<>((reply.size() - 1) / per);
		for (int i = 1; i < reply.size(); i += per) {
			String headers = withHeaders ? (String) reply.get(i + 9) : null;
			tasks.add(new ClaimedTask(queue, (String) reply.get(i), (String) reply.get(i + 1),
					(String) reply.get(i + 2), (String) reply.get(i + 3), toInt(reply.get(i + 4)),
					toInt(reply.get(i + 5)), toLong(reply.get(i + 6)), (String) reply.get(i + 7),
					toLong(reply.get(i + 8)), (headers == null || headers.isEmpty()) ? null : headers));
		}
		return new ClaimBatch(tasks, toLong(reply.get(0)));
	}

	static List<AckResult> acked(List<Object> reply) {
		return reply.stream().map((code) -> AckResult.fromCode((Long) code)).toList();
	}

	static List<ExpiredLease> expired(List<Object> reply) {
		List<ExpiredLease> expired = new ArrayList<>(reply.size() / 6);
		for (int i = 0; i < reply.size(); i += 6) {
			expired.add(new ExpiredLease((String) reply.get(i), (String) reply.get(i + 1), toInt(reply.get(i + 2)),
					toInt(reply.get(i + 3)), (String) reply.get(i + 4), (String) reply.get(i + 5)));
		}
		return expired;
	}

	static List<LostLease> lost(List<Object> reply) {
		List<LostLease> lost = new ArrayList<>(reply.size() / 2);
		for (int i = 0; i + 1 < reply.size(); i += 2) {
			lost.add(new LostLease((String) reply.get(i), LostLease.Reason.of((String) reply.get(i + 1))));
		}
		return lost;
	}

	static List<TaskEnd> ends(List<String> ids, List<Object> reply) {
		List<TaskEnd> ends = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			ends.add(new TaskEnd(ids.get(i), orNull(reply.get(3 * i)), orNull(reply.get(3 * i + 1)),
					orNull(reply.get(3 * i + 2))));
		}
		return ends;
	}

	private static String orNull(Object value) {
		return (value == null || "".equals(value)) ? null : (String) value;
	}

	@SuppressWarnings("unchecked")
	static List<String> strings(List<Object> reply) {
		return (List<String>) (List<?>) reply;
	}

	private static int toInt(Object value) {
		return (int) toLong(value);
	}

	/** Lua numbers come back as integers, hash fields as strings. */
	private static long toLong(Object value) {
		if (value instanceof Long number) {
			return number;
		}
		return (value == null) ? 0 : Long.parseLong((String) value);
	}

}
