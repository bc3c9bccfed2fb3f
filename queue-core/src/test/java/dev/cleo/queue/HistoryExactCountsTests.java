/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.history.AttemptOutcome;
import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.history.HistoryStats;
import dev.cleo.queue.history.StatsQuery;
import dev.cleo.queue.history.StatsTotals;
import dev.cleo.queue.history.TaskAttempt;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History counts every attempt exactly once, across instances and a real crash: 10,000
 * tasks run on this JVM's pool and on a worker JVM that is killed with {@code SIGKILL}
 * mid-run; one in ten fails its first attempt. Once all have completed, the statistics,
 * each task's attempts and what the handlers saw agree to the attempt.
 * <p>
 * What a killed process did cannot be asked of it afterwards, so the test pins down what
 * it held: once Redis has dropped its connections (nothing it sent can still land), the
 * tasks it leased and had not acked are the attempts whose leases must expire. Every
 * other attempt of it is one its handler wrote to a file before it returned or threw, and
 * every attempt of this JVM is one its handler recorded. An attempt counted twice, or
 * missed, breaks one of the equalities.
 */
@QueueManagerTest
class HistoryExactCountsTests {

	private static final String QUEUE = "counted";

	private static final String TASK = "flaky";

	private static final int TASKS = 10_000;

	private static final String CHILD = "flaky-child";

	private QueueManager survivor;

	private RedisCommands<String, String> redis;

	/** What this JVM's handler ran, in the order the runs ended: a run twice shows. */
	private final Queue<String> survivorRuns = new ConcurrentLinkedQueue<>();

	/** What the child's handler ran, read from its file once it was killed. */
	private List<String> childRuns;

	/** The attempts the child held a lease of when it was killed. */
	private Set<String> held;

	@BeforeEach
	void setUp(QueueManagers managers) {
		// A stream of a fifth of the default events, which this run overflows: the counts
		// must not depend on what the stream still holds.
		HistoryOptions history = new HistoryOptions(true, 20_000, Duration.ofDays(1), Duration.ofHours(6),
				Duration.ofDays(14), Duration.ofDays(400), 4_000);
		this.survivor = managers.build((builder) -> builder.workerId("survivor").history(history));
		this.redis = managers.redisCommands();
	}

	@Test
	void statisticsAndEveryTasksAttemptsCountEachAttemptOnceAcrossAKilledWorker(RedisServer redis) throws Exception {
		List<String> ids = enqueueTasks();
		runAndKillTheChildMidway(redis);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.survivor.counts(QUEUE).finished() == TASKS);
		assertThat(this.held).as("attempts the killed worker held").isNotEmpty();
		assertThat(this.survivorRuns).as("runs of this JVM").isNotEmpty();
		// the child's runs whose ack landed: every run it recorded but those it still
		// held
		List<String> childAcked = this.childRuns.stream().filter((run) -> !this.held.contains(attemptOf(run))).toList();
		assertThat(childAcked).doesNotHaveDuplicates();

		checkEachTasksAttempts(ids, childAcked);
		checkStatistics(failures(this.survivorRuns) + failures(childAcked), childAcked);
		System.out.printf("survivor ran %d attempts, the killed child %d (%d acked, %d held when killed)%n",
				this.survivorRuns.size(), this.childRuns.size(), childAcked.size(), this.held.size());
	}

	private List<String> enqueueTasks() {
		TaskOptions options = TaskOptions.defaults().queue(QUEUE).maxAttempts(5).backoff(Backoff.fixed(Duration.ZERO));
		List<String> ids = new ArrayList<>();
		for (int from = 0; from < TASKS; from += 1_000) {
			List<TaskRequest> batch = IntStream.range(from, from + 1_000)
				.mapToObj((n) -> TaskRequest.of(TASK, n, options))
				.toList();
			this.survivor.enqueueAll(batch).forEach((handle) -> ids.add(handle.id()));
		}
		return ids;
	}

	/**
	 * The child starts first; this JVM's pool joins once the child has run 100 tasks, and
	 * the child is killed once it has run 1,000, with most of the 10,000 still to run.
	 */
	private void runAndKillTheChildMidway(RedisServer redis) throws Exception {
		Path file = Files.createTempFile("flaky-worker", ".runs");
		try (ChildJvm child = ChildJvm.start(FlakyWorkerMain.class, redis.uri() + "?clientName=" + CHILD, QUEUE, TASK,
				file.toString(), "4")) {
			await().atMost(Duration.ofSeconds(60)).until(() -> Files.readAllLines(file).size() >= 100);
			this.survivor.register(TASK, FlakyWork.handler(this.survivorRuns::add));
			this.survivor.startWorkers(WorkerPoolOptions.builder()
				.queue(QUEUE)
				.concurrency(4)
				.reaperInterval(Duration.ofMillis(100))
				.build());
			await().atMost(Duration.ofSeconds(60)).until(() -> Files.readAllLines(file).size() >= 1_000);
			assertThat(child.kill()).isEqualTo(137);
			// Once Redis has closed the child's connections, no command of it can still
			// run.
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.redis.clientList().contains("name=" + CHILD));
			this.held = heldBy(CHILD + "/doomed");
		}
		this.childRuns = Files.readAllLines(file);
		Files.delete(file);
	}

	/**
	 * Each task's attempts are numbered from 1, end with its only completion, and are
	 * exactly the runs the handlers recorded, or a lease the killed child held.
	 */
	private void checkEachTasksAttempts(List<String> ids, List<String> childAcked) {
		List<String> survivorRecorded = new ArrayList<>();
		List<String> childRecorded = new ArrayList<>();
		Set<String> expired = new HashSet<>();
		for (String id : ids) {
			List<TaskAttempt> attempts = this.survivor.history().getTaskHistory(QUEUE, id);
			assertThat(attempts).as("attempts of %s", id).isNotEmpty();
			for (int i = 0; i < attempts.size(); i++) {
				TaskAttempt attempt = attempts.get(i);
				boolean last = i == attempts.size() - 1;
				assertThat(attempt.attempt()).as("attempt numbers of %s", id).isEqualTo(i + 1);
				assertThat(attempt.outcome() == AttemptOutcome.COMPLETED).as("%s completed last, once", attempt)
					.isEqualTo(last);
				assertThat(attempt.retried()).as("%s retried", attempt).isEqualTo(!last);
				String run = id + "#" + attempt.attempt();
				if (attempt.outcome() == AttemptOutcome.LEASE_EXPIRED) {
					assertThat(attempt.instance()).isEqualTo(CHILD);
					assertThat(expired.add(run)).isTrue();
				}
				else {
					String code = (attempt.outcome() == AttemptOutcome.COMPLETED) ? "c" : "f";
					(attempt.instance().equals(CHILD) ? childRecorded : survivorRecorded).add(run + "#" + code);
				}
			}
		}
		assertThat(expired).as("lease-expired attempts").isEqualTo(this.held);
		assertThat(survivorRecorded).as("attempts this JVM ran").containsExactlyInAnyOrderElementsOf(this.survivorRuns);
		assertThat(childRecorded).as("attempts the child ran and acked")
			.containsExactlyInAnyOrderElementsOf(childAcked);
	}

	/**
	 * The statistics count what the handlers threw, the leases that expired and one
	 * completion per task; by worker, the child's share.
	 */
	private void checkStatistics(long threw, List<String> childAcked) {
		HistoryStats stats = this.survivor.history().getHistoryStats(StatsQuery.lastHour().withQueue(QUEUE));
		StatsTotals totals = stats.totals();
		int expired = this.held.size();
		assertThat(totals.completed()).isEqualTo(TASKS);
		assertThat(totals.failed()).isEqualTo(threw);
		assertThat(totals.leaseExpired()).isEqualTo(expired);
		assertThat(totals.failures()).isEqualTo(threw + expired);
		assertThat(totals.attempts()).isEqualTo(TASKS + threw + expired);
		assertThat(totals.retried()).isEqualTo(threw + expired);
		assertThat(totals.dead()).isZero();
		// one task in ten failed once: either its handler threw or its first lease
		// expired
		long firstHeld = this.held.stream()
			.filter((run) -> run.endsWith("#1") && FlakyWork.failsFirst(payloadOf(run)))
			.count();
		assertThat(threw + firstHeld).isEqualTo(TASKS / FlakyWork.FAILING_EVERY);

		StatsTotals ofChild = this.survivor.history()
			.getHistoryStats(StatsQuery.lastHour().withQueue(QUEUE).withWorker(CHILD))
			.totals();
		assertThat(ofChild.leaseExpired()).isEqualTo(expired);
		assertThat(ofChild.completed()).isEqualTo(childAcked.size() - failures(childAcked));
	}

	/** The attempts ({@code <id>#<attempt>}) a worker holds a lease of. */
	private Set<String> heldBy(String worker) {
		Set<String> held = new HashSet<>();
		TaskListRequest request = TaskListRequest.oldestFirst(TaskListRequest.MAX_LIMIT);
		TaskPage page;
		do {
			page = this.survivor.tasks(QUEUE).list(TaskState.ACTIVE, request);
			page.tasks()
				.stream()
				.filter((listed) -> worker.equals(listed.owner()))
				.forEach((listed) -> held.add(listed.task().id() + "#" + listed.task().attempts()));
			request = request.after(page.nextCursor());
		}
		while (page.nextCursor() != null);
		return held;
	}

	private static String attemptOf(String run) {
		return run.substring(0, run.lastIndexOf('#'));
	}

	private static long failures(Iterable<String> runs) {
		long failures = 0;
		for (String run : runs) {
			failures += run.endsWith("#f") ? 1 : 0;
		}
		return failures;
	}

	private int payloadOf(String run) {
		String id = run.substring(0, run.indexOf('#'));
		return Integer.parseInt(this.survivor.task(QUEUE, id).orElseThrow().payloadJson());
	}

}
