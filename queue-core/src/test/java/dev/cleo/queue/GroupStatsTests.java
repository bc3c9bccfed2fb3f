/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.group.GroupStats;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Group statistics on real workers: counts of completed tasks, failed attempts and dead
 * tasks, waiting and running tasks, attempt durations bounded below by what the handlers
 * took, and throughput. Exact durations, time slots, expiry and cost:
 * {@link GroupStatsRecordingTests}.
 */
@QueueManagerTest
class GroupStatsTests {

	private static final TaskOptions OPTIONS = TaskOptions.defaults()
		.queue("stats")
		.backoff(Backoff.fixed(Duration.ofMillis(20)));

	private final CountDownLatch release = new CountDownLatch(1);

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("run", this::run);
		this.manager.groups("stats").setConcurrency(10);
	}

	@AfterEach
	void tearDown() {
		this.release.countDown();
	}

	@Test
	void countsCompletedTasksFailedAttemptsAndDeadTasksOfEachGroup() {
		List<TaskRequest> requests = new ArrayList<>();
		requests.addAll(tasks("a", Work.ok(0), 5));
		requests.addAll(tasks("a", Work.failingFirst(), 2));
		requests.addAll(tasks("a", Work.failingAlways(), 1));
		requests.addAll(tasks("b", Work.ok(0), 3));
		requests.add(TaskRequest.of("run", Work.ok(0), OPTIONS));
		this.manager.enqueueAll(requests);
		startWorkers();

		// a: 7 completed (2 of them after a failed first attempt); 4 failed attempts
		// (those 2, and both of the task that ends dead); 1 dead.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.manager.groups("stats").stats(List.of("a", "b")))
				.extracting(GroupStats::completed, GroupStats::failedAttempts, GroupStats::dead)
				.containsExactly(tuple(7L, 4L, 1L), tuple(3L, 0L, 0L)));
		assertThat(this.manager.groups("stats").group("a").stats().endedAttempts()).isEqualTo(11);
	}

	@Test
	void countsTheTasksOfAGroupWaitingAndRunningNow() {
		this.manager.groups("stats").setConcurrency(2);
		this.manager.enqueueAll(tasks("busy", Work.untilReleased(), 5));
		startWorkers();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			GroupStats stats = this.manager.groups("stats").group("busy").stats();
			assertThat(stats.active()).isEqualTo(2);
			assertThat(stats.waiting()).isEqualTo(3);
		});
		this.release.countDown();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.manager.groups("stats").group("busy").stats(),
					(stats) -> stats.completed() == 5 && stats.active() == 0 && stats.waiting() == 0);
	}

	@Test
	void durationsAreAtLeastWhatTheHandlersTook() {
		this.manager.enqueueAll(tasks("slow", Work.ok(50), 10));
		startWorkers();

		GroupStats stats = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.manager.groups("stats").group("slow").stats(), (read) -> read.completed() == 10);
		assertThat(stats.averageDurationMillis()).isBetween(50.0, 10_000.0);
		// A histogram bucket spans a quarter of a doubling: its lower edge is at least
		// 50 ms / 2^0.25.
		assertThat(stats.p95DurationMillis()).isBetween(50 / Math.pow(2, 0.25), 10_000.0);
	}

	@Test
	void p95ShowsASlowTailThatTheAverageHides() {
		List<TaskRequest> requests = new ArrayList<>(tasks("mixed", Work.ok(0), 36));
		requests.addAll(tasks("mixed", Work.ok(400), 4));
		Collections.shuffle(requests);
		this.manager.enqueueAll(requests);
		startWorkers();

		GroupStats stats = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.manager.groups("stats").group("mixed").stats(), (read) -> read.completed() == 40);
		// 10% of the attempts took 400 ms or more: rank 38 of 40 is among them.
		assertThat(stats.p95DurationMillis()).isGreaterThanOrEqualTo(400 / Math.pow(2, 0.25));
		assertThat(stats.averageDurationMillis()).isGreaterThanOrEqualTo(40.0)
			.isLessThan(stats.p95DurationMillis() / 2);
	}

	@Test
	void throughputCountsTheCompletionsOfTheLastMinute() {
		this.manager.enqueueAll(tasks("fast", Work.ok(0), 30));
		startWorkers();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.manager.groups("stats").group("fast").stats().completed() == 30);
		// All 30 within the 60 to 70 seconds the throughput covers.
		assertThat(this.manager.groups("stats").group("fast").stats().completedPerMinute()).isBetween(30 * 60 / 70.0,
				30.0);
		assertThat(this.manager.groups("stats").group("idle").stats())
			.isEqualTo(new GroupStats("idle", 0, 0, 0, 0, 0, 0.0, 0.0, 0.0));
	}

	@Test
	void badQueueGroupOrGroupListIsRefusedNamingWhatIsAllowed() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.groups("no spaces").group("g").stats())
			.withMessageContaining("letters, digits");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.manager.groups("q").group("").stats())
			.withMessageContaining("group must be 1 to 200 characters");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.manager.groups("q").stats(List.of()))
			.withMessageContaining("1 to 1000 groups");
		List<String> tooMany = IntStream.range(0, 1001).mapToObj((i) -> "g" + i).toList();
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.manager.groups("q").stats(tooMany))
			.withMessageContaining("was given 1001");
	}

	private static List<TaskRequest> tasks(String group, Work work, int count) {
		return Collections.nCopies(count, TaskRequest.of("run", work, OPTIONS.group(group).maxAttempts(2)));
	}

	private void startWorkers() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("stats").concurrency(10).build());
	}

	private Object run(TaskContext task) throws InterruptedException {
		Work work = task.payload(Work.class);
		if (work.blocked()) {
			this.release.await(30, TimeUnit.SECONDS);
		}
		// The work itself, not a wait for something: the duration being measured.
		Thread.sleep(work.millis());
		if (work.failures() >= task.attempt()) {
			throw new IllegalStateException("attempt " + task.attempt() + " fails");
		}
		return null;
	}

	/** What a task does: take at least {@code millis}, fail its first attempts. */
	record Work(long millis, int failures, boolean blocked) {

		static Work ok(long millis) {
			return new Work(millis, 0, false);
		}

		static Work failingFirst() {
			return new Work(0, 1, false);
		}

		static Work failingAlways() {
			return new Work(0, 2, false);
		}

		static Work untilReleased() {
			return new Work(0, 0, true);
		}

	}

}
