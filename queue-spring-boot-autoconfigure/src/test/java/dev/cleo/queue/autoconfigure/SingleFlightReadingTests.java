/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The single-flight reading behind scrapes and health checks: at most one read in flight,
 * the last value served without waiting, no storm of reads while Redis fails, and every
 * read ended at its deadline. Reads are futures the test completes; the clock is the
 * test's.
 */
class SingleFlightReadingTests {

	private static final Duration TTL = Duration.ofSeconds(5);

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final AtomicLong now = new AtomicLong();

	private final List<CompletableFuture<String>> reads = new CopyOnWriteArrayList<>();

	private final List<String> readThreads = new CopyOnWriteArrayList<>();

	private final List<SingleFlightReading<String>> readings = new ArrayList<>();

	@AfterEach
	void closeReadings() {
		this.readings.forEach(SingleFlightReading::close);
	}

	@Test
	void callersAskingAtOnceShareOneRead() throws Exception {
		SingleFlightReading<String> reading = track(
				new SingleFlightReading<>("test counts", this::read, Duration.ofSeconds(10), this.now::get));
		List<CompletableFuture<String>> answers = new CopyOnWriteArrayList<>();
		List<Thread> callers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Thread caller = new Thread(() -> {
				for (int j = 0; j < 100; j++) {
					answers.add(reading.fresh());
				}
			});
			caller.start();
			callers.add(caller);
		}
		for (Thread caller : callers) {
			caller.join();
		}
		await().until(() -> this.reads.size() == 1);
		this.reads.get(0).complete("counts");
		for (CompletableFuture<String> answer : answers) {
			assertThat(answer.get()).isEqualTo("counts");
		}
		assertThat(this.reads).hasSize(1);
	}

	@Test
	void readsRunOnTheReadingsOwnThreadNotTheCallers() {
		SingleFlightReading<String> reading = track(
				new SingleFlightReading<>("test counts", this::read, Duration.ofSeconds(10), this.now::get));
		reading.fresh();
		await().until(() -> this.readThreads.size() == 1);
		assertThat(this.readThreads).containsExactly("cleo-reading");
	}

	@Test
	void recentServesTheLastValueWithoutWaitingForTheReadInFlight() throws Exception {
		SingleFlightReading<String> reading = reading(Duration.ofSeconds(10));
		assertThat(reading.recent(TTL, MAX_AGE)).isEmpty();
		assertThat(this.reads).hasSize(1);
		this.reads.get(0).complete("first");
		this.now.addAndGet(TTL.toNanos());
		// The last value comes back at once while the next read hangs.
		assertThat(reading.recent(TTL, MAX_AGE)).contains("first");
		assertThat(this.reads).hasSize(2);
		assertThat(reading.recent(TTL, MAX_AGE)).contains("first");
		this.reads.get(1).complete("second");
		assertThat(reading.recent(TTL, MAX_AGE)).contains("second");
	}

	@Test
	void recentStartsAReadOnlyOnceTheLastStartedLongEnoughAgo() {
		SingleFlightReading<String> reading = reading(Duration.ofSeconds(10));
		reading.recent(TTL, MAX_AGE);
		this.reads.get(0).complete("first");
		this.now.addAndGet(TTL.toNanos() - 1);
		for (int i = 0; i < 1_000; i++) {
			reading.recent(TTL, MAX_AGE);
		}
		assertThat(this.reads).hasSize(1);
		this.now.addAndGet(1);
		reading.recent(TTL, MAX_AGE);
		assertThat(this.reads).hasSize(2);
	}

	@Test
	void failingReadsStartAtMostOncePerRefreshInterval() {
		SingleFlightReading<String> reading = reading(Duration.ofSeconds(10));
		for (int second = 0; second < 60; second++) {
			// A scrape asks once per gauge: 40 gauges, every second, for a minute; each
			// read fails at once, as when Redis refuses.
			for (int gauge = 0; gauge < 40; gauge++) {
				reading.recent(TTL, MAX_AGE);
				this.reads.forEach((read) -> read.completeExceptionally(new IllegalStateException("Redis is away")));
			}
			this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		}
		assertThat(this.reads).hasSize(12);
	}

	@Test
	void theLastValueIsServedUntilItIsOlderThanTheMaxAge() {
		SingleFlightReading<String> reading = reading(Duration.ofSeconds(10));
		reading.fresh();
		this.reads.get(0).complete("before the outage");
		this.now.addAndGet(MAX_AGE.toNanos());
		assertThat(reading.recent(TTL, MAX_AGE)).contains("before the outage");
		this.now.addAndGet(1);
		assertThat(reading.recent(TTL, MAX_AGE)).isEmpty();
	}

	@Test
	void aReadThatDoesNotAnswerFailsAtItsDeadlineAndTheNextOneStarts() {
		SingleFlightReading<String> reading = reading(Duration.ofMillis(100));
		CompletableFuture<String> stuck = reading.fresh();
		assertThatThrownBy(stuck::get).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(TimeoutException.class);
		CompletableFuture<String> next = reading.fresh();
		assertThat(next).isNotSameAs(stuck);
		assertThat(this.reads).hasSize(2);
		this.reads.get(1).complete("answered");
		assertThat(next.join()).isEqualTo("answered");
	}

	@Test
	void aBlockingReadHoldsOneThreadAndLaterReadsFailAtOnceMeanwhile() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		List<String> started = new CopyOnWriteArrayList<>();
		SingleFlightReading<String> reading = track(new SingleFlightReading<>("blocking", () -> {
			started.add(Thread.currentThread().getName());
			awaitRelease(release);
			return CompletableFuture.completedFuture("late");
		}, Duration.ofMillis(100), this.now::get));
		assertThatThrownBy(() -> reading.fresh().get()).hasCauseInstanceOf(TimeoutException.class);
		for (int i = 0; i < 20; i++) {
			assertThatThrownBy(() -> reading.fresh().get()).hasCauseInstanceOf(IllegalStateException.class)
				.hasMessageContaining("has not ended");
		}
		release.countDown();
		await().until(() -> reading.fresh().handle((value, failure) -> value).join() != null);
		assertThat(started).hasSize(2);
	}

	/**
	 * A reading that starts each read on the caller's thread, so each step is seen at
	 * once.
	 */
	private SingleFlightReading<String> reading(Duration deadline) {
		return track(new SingleFlightReading<>("test counts", this::read, deadline, this.now::get, Runnable::run));
	}

	private CompletableFuture<String> read() {
		this.readThreads.add(Thread.currentThread().getName());
		CompletableFuture<String> future = new CompletableFuture<>();
		this.reads.add(future);
		return future;
	}

	private SingleFlightReading<String> track(SingleFlightReading<String> reading) {
		this.readings.add(reading);
		return reading;
	}

	private static void awaitRelease(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
