/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleo.queue.QueueUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link RedisReads}: a caller waits at most the deadline, stuck reads are bounded, and a
 * timed-out read gives its thread back.
 */
class RedisReadsTests {

	private final RedisReads reads = new RedisReads(Duration.ofMillis(200));

	private final CountDownLatch redisBack = new CountDownLatch(1);

	@AfterEach
	void close() {
		this.redisBack.countDown();
		this.reads.close();
	}

	@Test
	void returnsTheResultOfAReadThatAnswersInTime() {
		assertThat(this.reads.within("the counts", () -> 42)).isEqualTo(42);
	}

	@Test
	void callerWaitsAtMostTheDeadlineWhileRedisDoesNotAnswer() {
		long start = System.nanoTime();
		assertThatExceptionOfType(QueueUnavailableException.class)
			.isThrownBy(() -> this.reads.within("the counts of queue 'orders'", this::blockUntilRedisIsBack))
			.withMessage("Redis did not answer within PT0.2S reading the counts of queue 'orders'");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void timedOutReadIsInterruptedSoItsThreadServesTheNextRead() {
		AtomicInteger interrupted = new AtomicInteger();
		for (int i = 0; i < RedisReads.THREADS * 3; i++) {
			assertThatExceptionOfType(QueueUnavailableException.class)
				.isThrownBy(() -> this.reads.within("a read", () -> blockCountingInterrupts(interrupted)));
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(interrupted).hasValue(RedisReads.THREADS * 3));
		assertThat(this.reads.within("a read", () -> "answered")).isEqualTo("answered");
	}

	@Test
	void readsBeyondTheBacklogFailAtOnceInsteadOfQueueing() throws Exception {
		List<CompletableFuture<Object>> stuck = new ArrayList<>();
		for (int i = 0; i < RedisReads.THREADS + RedisReads.BACKLOG; i++) {
			stuck.add(CompletableFuture
				.supplyAsync(() -> this.reads.within(Duration.ofSeconds(30), "a read", this::blockUntilRedisIsBack)));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			try {
				this.reads.within(Duration.ofSeconds(30), "one more read", () -> "ran");
				return false;
			}
			catch (QueueUnavailableException ex) {
				return ex.getMessage()
					.equals("Could not read one more read: earlier reads are still waiting for Redis");
			}
		});
		this.redisBack.countDown();
		for (CompletableFuture<Object> read : stuck) {
			assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("back");
		}
	}

	private String blockUntilRedisIsBack() {
		try {
			this.redisBack.await();
			return "back";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String blockCountingInterrupts(AtomicInteger interrupted) {
		try {
			this.redisBack.await();
			return "back";
		}
		catch (InterruptedException ex) {
			interrupted.incrementAndGet();
			throw new IllegalStateException(ex);
		}
	}

}
