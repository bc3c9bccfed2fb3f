/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.test.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A payload over the manager's limit is refused at every enqueue path, by its UTF-8 size,
 * before anything is sent to Redis.
 */
@QueueManagerTest
class PayloadLimitTests {

	private static final long LIMIT = 2048;

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs");

	private RedisServer redis;

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers, RedisServer redis) {
		this.redis = redis;
		this.manager = managers.build((builder) -> builder.maxPayloadSize(LIMIT));
	}

	@Test
	void theLimitIsOneMebibyteUnlessSetAndMustBeBetweenOneKibibyteAndFiveHundredTwelveMebibytes(
			QueueManagers managers) {
		try (QueueManager defaults = managers.build()) {
			assertThat(defaults.maxPayloadSize()).isEqualTo(1_048_576);
		}
		assertThat(this.manager.maxPayloadSize()).isEqualTo(LIMIT);
		for (long outside : List.of(1023L, 536_870_913L, 0L, -1L)) {
			assertThatExceptionOfType(InvalidTaskOptionException.class)
				.isThrownBy(() -> QueueManager.builder().maxPayloadSize(outside))
				.withMessageContaining("between 1 KiB (1024 bytes) and 512 MiB (536870912 bytes)")
				.withMessageContaining("was " + outside);
		}
		assertThatNoException()
			.isThrownBy(() -> QueueManager.builder().maxPayloadSize(1024).maxPayloadSize(536_870_912));
	}

	@Test
	void aPayloadOverTheLimitIsRefusedNamingTheTaskTheSizeTheLimitAndHowToRaiseIt() {
		long sent = sentSoFar();
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> this.manager.enqueue("send-report", "x".repeat(3000), JOBS))
			.satisfies((ex) -> {
				assertThat(ex.size()).isEqualTo(3002);
				assertThat(ex.limit()).isEqualTo(LIMIT);
			})
			.withMessageContaining("'send-report'")
			.withMessageContaining("3002 bytes")
			.withMessageContaining("limit of 2048 bytes")
			.withMessageContaining("QueueManagerBuilder.maxPayloadSize or cleo.max-payload-size");
		assertThat(sentSoFar()).as("commands sent to Redis").isEqualTo(sent);
		assertThat(this.manager.queues()).isEmpty();
	}

	@Test
	void theSizeIsTheUtf8LengthOfTheJson(QueueManagers managers) {
		// 700 characters, 1,402 bytes in UTF-8 with the quotes: over a limit of 1,024.
		String accented = "\u00e9".repeat(700);
		try (QueueManager small = managers.build((builder) -> builder.maxPayloadSize(1024))) {
			assertThatExceptionOfType(PayloadTooLargeException.class)
				.isThrownBy(() -> small.enqueue("job", accented, JOBS))
				.satisfies((ex) -> assertThat(ex.size()).isEqualTo(1402));
			String atTheLimit = "y".repeat(1022);
			assertThat(small.enqueue("job", atTheLimit, JOBS).info()).isPresent();
		}
	}

	@Test
	void aBatchWithOnePayloadOverTheLimitIsRefusedWhole() {
		List<TaskRequest> batch = List.of(TaskRequest.of("job", "small", JOBS),
				TaskRequest.of("job", "small", JOBS.queue("other")), TaskRequest.of("job", "z".repeat(5000), JOBS));
		long sent = sentSoFar();
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> this.manager.enqueueAll(batch));
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> this.manager.enqueueAllAsync(batch));
		assertThat(sentSoFar()).as("commands sent to Redis").isEqualTo(sent);
		assertThat(this.manager.counts(List.of("jobs", "other")).values())
			.allSatisfy((counts) -> assertThat(counts.waiting()).isZero());
	}

	@Test
	void aScheduleWhosePayloadIsOverTheLimitIsNotStored() {
		Schedule schedule = Schedule.fixedRate("big", Duration.ofMinutes(1)).task("job", "s".repeat(4000));
		long sent = sentSoFar();
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> this.manager.schedules().register(schedule.options(JOBS)));
		assertThat(sentSoFar()).as("commands sent to Redis").isEqualTo(sent);
		assertThat(this.manager.schedules().list()).isEmpty();
	}

	private long sentSoFar() {
		return CommandStats.calls(this.redis, "evalsha", "eval", "sadd", "set", "hset");
	}

}
