/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.time.Instant;

import dev.cleo.queue.WorkerInfo;

/**
 * Writes and reads the worker pools' presence hash of a queue ({@code P:{Q}:workers}, see
 * {@link RedisKeys}): one field {@code <instance>/<pool>} per pool, value
 * {@code concurrency|active|seen_at|heartbeat_ms|instance}, rewritten on every heartbeat
 * of the pool. Only Java reads it. A presence not rewritten for
 * {@value #STALE_HEARTBEATS} of its pool's heartbeats belongs to a pool that died without
 * stopping. Internal.
 */
final class PoolPresenceHash {

	/** Heartbeats a pool may miss before its presence is stale. */
	static final int STALE_HEARTBEATS = 3;

	private static final String SEPARATOR = "|";

	private PoolPresenceHash() {
	}

	/** The field of a pool: {@code <instance>/<pool>}, the pool's worker id. */
	static String field(String instance, String pool) {
		return instance + "/" + pool;
	}

	/** The value that stores a pool's presence, seen at {@code pool.seenAt()}. */
	static String value(WorkerInfo pool, Duration heartbeat) {
		return pool.concurrency() + SEPARATOR + pool.active() + SEPARATOR + pool.seenAt().toEpochMilli() + SEPARATOR
				+ heartbeat.toMillis() + SEPARATOR + pool.instanceId();
	}

	/**
	 * The pool a field and value stand for; {@code null} when stale at {@code now} (epoch
	 * ms) or unreadable.
	 */
	static WorkerInfo read(String field, String value, long now) {
		String[] parts = value.split("\\|", 5);
		if (parts.length < 5) {
			return null;
		}
		try {
			long seenAt = Long.parseLong(parts[2]);
			if (now - seenAt > STALE_HEARTBEATS * Long.parseLong(parts[3])) {
				return null;
			}
			String instance = parts[4];
			String pool = field.startsWith(instance + "/") ? field.substring(instance.length() + 1) : field;
			return new WorkerInfo(instance, pool, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
					Instant.ofEpochMilli(seenAt));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
