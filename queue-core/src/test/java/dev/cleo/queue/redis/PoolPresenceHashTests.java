/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.WorkerInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker pools' presence hash, which only Java reads: the stored form byte for byte,
 * a round trip, and what is left out as stale or unreadable.
 */
class PoolPresenceHashTests {

	private static final long SEEN = 1_700_000_000_000L;

	private static final WorkerInfo POOL = new WorkerInfo("host-1", "mail", 8, 3, Instant.ofEpochMilli(SEEN));

	private static final Duration HEARTBEAT = Duration.ofSeconds(10);

	@Test
	void aPresenceIsStoredUnderTheWorkerIdAsFiveValues() {
		assertThat(PoolPresenceHash.field("host-1", "mail")).isEqualTo("host-1/mail");
		assertThat(PoolPresenceHash.value(POOL, HEARTBEAT)).isEqualTo("8|3|1700000000000|10000|host-1");
	}

	@Test
	void whatIsWrittenReadsBack() {
		String field = PoolPresenceHash.field(POOL.instanceId(), POOL.pool());
		assertThat(PoolPresenceHash.read(field, PoolPresenceHash.value(POOL, HEARTBEAT), SEEN + 5_000)).isEqualTo(POOL);
	}

	@Test
	void aPoolSlashInItsInstanceStillReadsBack() {
		WorkerInfo pool = new WorkerInfo("rack/host", "a/b", 1, 0, Instant.ofEpochMilli(SEEN));
		String field = PoolPresenceHash.field(pool.instanceId(), pool.pool());
		assertThat(PoolPresenceHash.read(field, PoolPresenceHash.value(pool, HEARTBEAT), SEEN)).isEqualTo(pool);
	}

	@Test
	void aPresenceNotRewrittenForThreeHeartbeatsIsStale() {
		String value = PoolPresenceHash.value(POOL, HEARTBEAT);
		assertThat(PoolPresenceHash.read("host-1/mail", value, SEEN + 30_000)).isEqualTo(POOL);
		assertThat(PoolPresenceHash.read("host-1/mail", value, SEEN + 30_001)).isNull();
	}

	@Test
	void anUnreadablePresenceReadsAsNone() {
		assertThat(PoolPresenceHash.read("host-1/mail", "8|3|1700000000000|10000", SEEN)).isNull();
		assertThat(PoolPresenceHash.read("host-1/mail", "8|x|1700000000000|10000|host-1", SEEN)).isNull();
	}

}
