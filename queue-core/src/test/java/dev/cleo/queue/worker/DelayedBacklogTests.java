/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.test.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delayed tasks start on time however many others wait in the delayed set, and waiting
 * for them is not polling. 100,000 tasks are pending an hour ahead while tasks come due
 * at random instants over a few seconds; each one's handler compares its own start with
 * the due time it was given (both read from this JVM's clock, which the manager uses
 * too). Every sample counts: none is discarded as an outlier.
 */
@QueueManagerTest
class DelayedBacklogTests {

	private static final String QUEUE = "backlog";

	private static final TaskOptions OPTIONS = TaskOptions.defaults().queue(QUEUE);

	private static final int PENDING = 100_000;

	/**
	 * Tasks due during the measurement: enough that the p99 is not two unlucky samples.
	 */
	private static final int DUE = 400;

	private static final Duration SPREAD = Duration.ofSeconds(4);

	private final SamplesOfLateness lateness = new SamplesOfLateness(DUE);

	private final AtomicInteger pendingRuns = new AtomicInteger();

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("due",
				(task) -> this.lateness.record(System.currentTimeMillis(), task.payload(Long.class)));
		this.manager.register("pending", (task) -> this.pendingRuns.incrementAndGet());
		enqueuePending();
	}

	@Test
	void delayedTasksStartWithinFiftyMillisecondsOfDueAtP99WithAHundredThousandPending() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).build());
		enqueueDue(DUE, SPREAD);
		await().atMost(SPREAD.plusSeconds(10)).until(() -> this.lateness.count() == DUE);
		long[] sorted = this.lateness.sorted();
		String worst = Arrays.toString(Arrays.copyOfRange(sorted, DUE - 10, DUE));
		System.out.println("lateness of " + DUE + " delayed tasks (ms): p50 " + percentile(sorted, 50) + ", p99 "
				+ percentile(sorted, 99) + ", worst ten " + worst);
		assertThat(sorted[0]).as("no task starts before it is due").isNotNegative();
		assertThat(percentile(sorted, 99)).as("p99 lateness (ms) of %d tasks; worst ten: %s", DUE, worst)
			.isLessThanOrEqualTo(50);
		assertThat(this.pendingRuns).hasValue(0);
		assertThat(this.manager.counts(QUEUE).delayed()).isEqualTo(PENDING);
	}

	@Test
	void poolWaitingForAHundredThousandPendingTasksSendsAtMostThreeCommandsPerSecond(RedisServer redis)
			throws IOException {
		WorkerPool pool = this.manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).build());
		// A few due tasks first, so the pool idles after taking the delayed path.
		enqueueDue(5, Duration.ofMillis(200));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.lateness.count() == 5 && pool.runningTasks() == 0);
		List<String> sent = SentCommands.during(redis, Duration.ofSeconds(3));
		assertThat(pool.isRunning()).isTrue();
		assertThat(sent.size() / 3.0).as("commands per second; sent: %s", sent).isLessThanOrEqualTo(3.0);
		assertThat(this.pendingRuns).hasValue(0);
	}

	/** The backlog: an hour ahead, in batches of 1,000 as a bulk producer sends them. */
	private void enqueuePending() {
		TaskOptions later = OPTIONS.runAt(Instant.now().plus(Duration.ofHours(1)));
		for (int from = 0; from < PENDING; from += 1_000) {
			this.manager.enqueueAll(
					IntStream.range(from, from + 1_000).mapToObj((i) -> TaskRequest.of("pending", i, later)).toList());
		}
	}

	/**
	 * Tasks due at random instants from a second from now over the spread (a fixed seed,
	 * so a failure can be rerun); each carries its due time.
	 */
	private void enqueueDue(int count, Duration spread) {
		SplittableRandom random = new SplittableRandom(5);
		long first = System.currentTimeMillis() + 1_000;
		this.manager.enqueueAll(IntStream.range(0, count).mapToObj((i) -> {
			long due = first + random.nextLong(spread.toMillis());
			return TaskRequest.of("due", due, OPTIONS.runAt(Instant.ofEpochMilli(due)));
		}).toList());
	}

	/** Nearest rank, as the bench computes its percentiles. */
	private static long percentile(long[] sorted, int percent) {
		return sorted[(int) Math.ceil(percent / 100.0 * sorted.length) - 1];
	}

	/** Start minus due time of each due task, in milliseconds. */
	private static final class SamplesOfLateness {

		private final AtomicLongArray millis;

		private final AtomicInteger taken = new AtomicInteger();

		private final AtomicInteger count = new AtomicInteger();

		SamplesOfLateness(int capacity) {
			this.millis = new AtomicLongArray(capacity);
		}

		Object record(long startedMillis, long dueMillis) {
			this.millis.set(this.taken.getAndIncrement(), startedMillis - dueMillis);
			// Counted once written, so a reader that sees the count sees the sample.
			this.count.incrementAndGet();
			return null;
		}

		int count() {
			return this.count.get();
		}

		long[] sorted() {
			long[] sorted = IntStream.range(0, count()).mapToLong(this.millis::get).toArray();
			Arrays.sort(sorted);
			return sorted;
		}

	}

}
