/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.redis.AckResult;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Lease;
import dev.cleo.queue.redis.LostLease;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Removing a queue: refused without its tasks while any is unfinished or dead, complete
 * with them, in bounded steps, and final: the workers it leaves behind write nothing
 * back.
 */
@QueueManagerTest
class QueueRemovalTests {

	private static final String QUEUE = "doomed";

	private static final TaskOptions DOOMED = TaskOptions.defaults().queue(QUEUE);

	private static final Duration WAIT = Duration.ofSeconds(5);

	private RedisServer redis;

	private QueueManager manager;

	private RedisTaskStore store;

	private RedisCommands<String, String> raw;

	@BeforeEach
	void setUp(QueueManagers managers, RedisServer redis) {
		this.redis = redis;
		this.manager = managers.build();
		this.store = managers.taskStore(Clock.systemUTC());
		this.raw = managers.redisCommands();
		this.manager.enqueue("job", "bystander", TaskOptions.defaults().queue("other").dedupeId("d-1"));
	}

	@Test
	void withoutTasksItIsRefusedWhileTasksWaitAreDelayedRunOrAreDead() {
		this.manager.enqueue("job", 1, DOOMED);
		this.manager.enqueue("job", 2, DOOMED.group("g"));
		this.manager.enqueue("job", 3, DOOMED.delay(Duration.ofHours(1)));
		FinishedTasks.make(this.manager, this.store, QUEUE, 1, Outcome.Kind.COMPLETED);
		FinishedTasks.make(this.manager, this.store, QUEUE, 1, Outcome.Kind.UNRECOVERABLE);
		this.manager.enqueue("job", 4, DOOMED);
		this.store.claim(QUEUE, 1, Duration.ofMinutes(1), "test");
		QueueCounts before = this.manager.counts(QUEUE);
		List<String> keys = keys(QUEUE);

		assertThatExceptionOfType(QueueNotEmptyException.class).isThrownBy(() -> this.manager.removeQueue(QUEUE, false))
			.satisfies((ex) -> assertThat(ex.counts()).isEqualTo(before))
			.withMessageContaining("'doomed' still has 2 waiting, 1 delayed, 1 running and 1 dead tasks")
			.withMessageContaining("withTasks = true");

		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(2, 1, 1, 1, 1));
		assertThat(keys(QUEUE)).containsExactlyInAnyOrderElementsOf(keys);
		assertThat(this.manager.queues()).contains(QUEUE);
	}

	@Test
	void aQueueWithOnlyHistoryIsRemovedWithoutTasksAndComesBackWhenEnqueuedToAgain() {
		this.manager.enqueue("job", 1, DOOMED.dedupeId("once").delay(Duration.ofHours(1))).cancel();
		FinishedTasks.make(this.manager, this.store, QUEUE, 2, Outcome.Kind.COMPLETED);
		this.manager.pause(QUEUE);
		assertThat(this.manager.queues()).containsExactly("doomed", "other");

		assertThat(this.manager.removeQueue(QUEUE, false)).isEqualTo(3);

		assertThat(keys(QUEUE)).isEmpty();
		assertThat(this.manager.queues()).containsExactly("other");
		assertThat(keys("other")).isNotEmpty();
		TaskHandle<Object> again = this.manager.enqueue("job", 5, DOOMED.dedupeId("once"));
		assertThat(again.isDuplicate()).isFalse();
		assertThat(this.manager.queues()).containsExactly("doomed", "other");
		assertThat(this.manager.queueInfo(QUEUE).paused()).isFalse();
	}

	@Test
	void withTasksEveryTaskGroupSettingScheduleAndKeyOfTheQueueGoes() {
		this.manager.groups(QUEUE).setConcurrency(2);
		this.manager.groups(QUEUE).group("vip").setPriority(10);
		this.manager.groups(QUEUE).group("limited").setRateLimit(new GroupRateLimit(1, Duration.ofMinutes(1)));
		this.manager.enqueue("job", 1, DOOMED.dedupeId("waiting"));
		this.manager.enqueue("job", 2, DOOMED.group("vip"));
		this.manager.enqueue("job", 3, DOOMED.group("paused"));
		this.manager.groups(QUEUE).group("paused").pause();
		this.manager.enqueue("job", 4, DOOMED.group("merged"));
		this.manager.groups(QUEUE).merge("merged", "vip");
		this.manager.enqueue("job", 5, DOOMED.group("limited"));
		this.manager.enqueue("job", 6, DOOMED.group("limited"));
		this.manager.enqueue("job", 7, DOOMED.delay(Duration.ofHours(1)));
		ClaimedTask running = claimAll().stream()
			.filter((task) -> task.payloadJson().equals("5"))
			.findFirst()
			.orElseThrow();
		this.store.report(QUEUE, new Lease(running.id(), running.token()), 10, null, "a log line", 10).join();
		FinishedTasks.make(this.manager, this.store, QUEUE, 2, Outcome.Kind.UNRECOVERABLE);
		this.manager.schedules()
			.register(Schedule.fixedRate("hourly", Duration.ofHours(1)).task("job", 8).options(DOOMED));
		this.manager.pause(QUEUE);
		assertThat(keys(QUEUE)).hasSizeGreaterThan(25);
		long tasks = keys(QUEUE).stream().filter((key) -> key.startsWith("cleo:{doomed}:t:")).count();

		assertThat(this.manager.removeQueue(QUEUE, true)).isEqualTo(tasks);

		assertThat(keys(QUEUE)).isEmpty();
		assertThat(this.manager.queues()).containsExactly("other");
		assertThat(this.manager.schedules().list()).isEmpty();
		assertThat(this.raw.smembers("cleo:schedule-queues")).isEmpty();
		assertThat(this.manager.counts("other").waiting()).isOne();
		assertThat(this.raw.exists("cleo:{other}:dedupe:d-1")).isOne();
	}

	@Test
	void aLargeQueueIsRemovedInBoundedSteps() {
		IntStream.range(0, 3)
			.forEach((batch) -> this.manager.enqueueAll(IntStream.range(0, 500)
				.mapToObj((i) -> TaskRequest.of("job", i, DOOMED.group((i % 2 == 0) ? null : "g" + (i % 7))))
				.toList()));
		long scriptsBefore = CommandStats.calls(this.redis, "evalsha", "eval");

		assertThat(this.manager.removeQueue(QUEUE, true)).isEqualTo(1500);

		assertThat(CommandStats.calls(this.redis, "evalsha", "eval") - scriptsBefore).as("script calls")
			.isGreaterThanOrEqualTo(3);
		assertThat(keys(QUEUE)).isEmpty();
	}

	@Test
	void aWorkerHoldingATaskOfARemovedQueueIsFencedAndRecreatesNothing() {
		this.manager.enqueue("job", 1, DOOMED.group("g").notifyOnFinish(true));
		this.manager.enqueue("job", 2, DOOMED.maxAttempts(3));
		List<ClaimedTask> claimed = claimAll();
		List<Lease> leases = claimed.stream().map((task) -> new Lease(task.id(), task.token())).toList();

		assertThat(this.manager.removeQueue(QUEUE, true)).isEqualTo(2);

		assertThat(this.store.extend(QUEUE, leases, Duration.ofMinutes(1))).hasSize(2)
			.allSatisfy((lost) -> assertThat(lost.reason()).isEqualTo(LostLease.Reason.REMOVED));
		assertThat(this.store.report(QUEUE, leases.get(0), 50, null, "late line", 10).join()).isFalse();
		List<Outcome> outcomes = List.of(
				new Outcome(QUEUE, claimed.get(0).id(), claimed.get(0).token(), Outcome.Kind.COMPLETED, "\"late\"", 0),
				new Outcome(QUEUE, claimed.get(1).id(), claimed.get(1).token(), Outcome.Kind.FAILED, "late", 1));
		assertThat(this.store.ack(QUEUE, outcomes, Retention.defaults())).containsOnly(AckResult.LEASE_LOST);
		assertThat(this.store.release(QUEUE, leases)).isZero();
		assertThat(this.store.claim(QUEUE, 10, Duration.ofMinutes(1), "test").tasks()).isEmpty();
		assertThat(this.store.expiredLeases(QUEUE, 10)).isEmpty();
		assertThat(this.store.cancel(QUEUE, claimed.get(0).id()).found()).isFalse();

		assertThat(keys(QUEUE)).isEmpty();
		assertThat(this.manager.queues()).containsExactly("other");
	}

	@Test
	void aRunningHandlerOfARemovedQueueIsInterruptedAndItsFutureFails() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		this.manager.register("sleepy", (task) -> {
			started.countDown();
			try {
				Thread.sleep(60_000);
				return "slept";
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
				throw ex;
			}
		});
		WorkerPool pool = this.manager.startWorkers(
				WorkerPoolOptions.builder().queue(QUEUE).concurrency(1).heartbeat(Duration.ofMillis(100)).build());
		TaskHandle<Object> handle = this.manager.enqueue("sleepy", null, DOOMED.notifyOnFinish(true));
		CompletableFuture<Object> completion = handle.completion();
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

		assertThat(this.manager.removeQueue(QUEUE, true)).isOne();

		await().atMost(WAIT).untilTrue(interrupted);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> completion.get(5, TimeUnit.SECONDS))
			.withMessageContaining("does not exist");
		await().atMost(WAIT).until(() -> pool.runningTasks() == 0);
		pool.stop();
		assertThat(keys(QUEUE)).isEmpty();
		assertThat(this.manager.queues()).containsExactly("other");
	}

	private List<ClaimedTask> claimAll() {
		return this.store.claim(QUEUE, 100, Duration.ofMinutes(1), "test").tasks();
	}

	private List<String> keys(String queue) {
		return this.raw.keys("cleo:{" + queue + "}:*");
	}

}
