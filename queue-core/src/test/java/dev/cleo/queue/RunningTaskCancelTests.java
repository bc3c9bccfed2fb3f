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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.redis.AckResult;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Lease;
import dev.cleo.queue.redis.LostLease;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Cancelling a running task ends it {@code cancelled} at once, fences its worker off,
 * frees its group slot, and has the worker interrupt the handler within a heartbeat.
 */
@QueueManagerTest
class RunningTaskCancelTests {

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs").maxAttempts(3);

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicBoolean interrupted = new AtomicBoolean();

	private final CountDownLatch started = new CountDownLatch(1);

	private final List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();

	private QueueManager manager;

	private WorkerPool pool;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("sleepy", (task) -> {
			this.attempts.incrementAndGet();
			this.started.countDown();
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				this.interrupted.set(true);
				throw ex;
			}
			return "slept";
		});
		this.manager.register("quick", (task) -> this.ran.add(task.payload(String.class)));
		this.pool = this.manager.startWorkers(WorkerPoolOptions.builder()
			.queue("jobs")
			.concurrency(1)
			.lease(Duration.ofSeconds(3))
			.heartbeat(Duration.ofMillis(100))
			.build());
	}

	@Test
	void runningTaskIsCancelledInterruptedAndNeverRetriedAndItsSlotRunsTheNextTask() throws Exception {
		TaskHandle<Object> handle = this.manager.enqueue("sleepy", null, JOBS);
		CompletableFuture<Object> completion = handle.completion();
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();

		assertThat(handle.cancel()).isTrue();
		TaskInfo info = handle.info().orElseThrow();
		assertThat(info.state()).isEqualTo(TaskState.CANCELLED);
		assertThat(info.finishedAt()).isNotNull();
		assertThat(this.manager.counts("jobs")).isEqualTo(new QueueCounts(0, 0, 0, 1, 0));

		await().atMost(WAIT).untilTrue(this.interrupted);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> completion.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(TaskFailedException.class,
					(ex) -> assertThat(ex.state()).isEqualTo(TaskState.CANCELLED));
		TaskHandle<Object> next = this.manager.enqueue("quick", "next", JOBS);
		await().atMost(WAIT).until(() -> next.state().orElseThrow() == TaskState.COMPLETED);
		await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> this.attempts.get() == 1);
		assertThat(handle.info().orElseThrow()).satisfies((task) -> {
			assertThat(task.state()).isEqualTo(TaskState.CANCELLED);
			assertThat(task.attempts()).isOne();
			assertThat(task.resultJson()).isNull();
			assertThat(task.lastError()).isNull();
		});
		assertThat(this.manager.cancel("jobs", handle.id())).as("cancelled twice").isFalse();
	}

	@Test
	void cancellingAGroupsRunningTaskLetsTheGroupsNextTaskStart() throws Exception {
		this.pool.stop();
		this.pool = this.manager.startWorkers(
				WorkerPoolOptions.builder().queue("jobs").concurrency(2).heartbeat(Duration.ofMillis(100)).build());
		TaskHandle<Object> first = this.manager.enqueue("sleepy", null, JOBS.group("customer-1"));
		TaskHandle<Object> second = this.manager.enqueue("quick", "second in group", JOBS.group("customer-1"));
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> this.ran.isEmpty());
		assertThat(second.state()).contains(TaskState.WAITING);

		assertThat(first.cancel()).isTrue();

		await().atMost(WAIT).until(() -> second.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(this.ran).containsExactly("second in group");
		await().atMost(WAIT).untilTrue(this.interrupted);
		assertThat(this.manager.groups("jobs").list(10)).isEmpty();
	}

	@Test
	void handlerThatIgnoresTheInterruptNoLongerHoldsTheLeaseAndRecordsNothing() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger interrupts = new AtomicInteger();
		AtomicBoolean sawLeaseLost = new AtomicBoolean();
		this.manager.register("stubborn", (task) -> {
			this.started.countDown();
			while (true) {
				try {
					if (release.await(10, TimeUnit.SECONDS)) {
						break;
					}
				}
				catch (InterruptedException ex) {
					interrupts.incrementAndGet();
					sawLeaseLost.set(task.isLeaseLost());
				}
			}
			return "finished anyway";
		});
		TaskHandle<Object> handle = this.manager.enqueue("stubborn", null, JOBS);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		await().atMost(WAIT).until(() -> this.pool.runningTasks() == 1);

		assertThat(handle.cancel()).isTrue();

		await().atMost(WAIT).until(() -> this.pool.runningTasks() == 0);
		await().atMost(WAIT).until(() -> interrupts.get() > 0);
		assertThat(sawLeaseLost).isTrue();
		if (this.pool.options().threads().usesVirtualThreads()) {
			TaskHandle<Object> beside = this.manager.enqueue("quick", "beside", JOBS);
			await().atMost(WAIT).until(() -> beside.state().orElseThrow() == TaskState.COMPLETED);
		}
		release.countDown();
		TaskHandle<Object> after = this.manager.enqueue("quick", "after", JOBS);
		await().atMost(WAIT).until(() -> after.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(handle.info().orElseThrow()).satisfies((task) -> {
			assertThat(task.state()).isEqualTo(TaskState.CANCELLED);
			assertThat(task.resultJson()).isNull();
		});
	}

	@Test
	void aCancelledAttemptsAckHeartbeatProgressAndHandBackChangeNothing(RedisServer redis) {
		this.pool.stop();
		TaskHandle<Object> handle = this.manager.enqueue("sleepy", null, JOBS.group("g"));
		try (RedisConnector connector = RedisConnector.of(RedisClient.create(redis.uri()), true)) {
			RedisTaskStore store = new RedisTaskStore(connector, new RedisKeys("cleo"), Clock.systemUTC(),
					Duration.ofSeconds(5));
			ClaimedTask claimed = store.claim("jobs", 1, Duration.ofMinutes(1), "test").tasks().get(0);
			Lease lease = new Lease(claimed.id(), claimed.token());

			assertThat(this.manager.cancel("jobs", handle.id())).isTrue();

			assertThat(store.extend("jobs", List.of(lease), Duration.ofMinutes(1))).singleElement()
				.satisfies((lost) -> assertThat(lost.reason()).isEqualTo(LostLease.Reason.CANCELLED));
			assertThat(store.report("jobs", lease, 50, null, "line", 10).join()).isFalse();
			assertThat(store.release("jobs", List.of(lease))).isZero();
			assertThat(store.ack("jobs",
					List.of(new Outcome("jobs", claimed.id(), claimed.token(), Outcome.Kind.COMPLETED, "\"done\"", 0)),
					Retention.defaults()))
				.containsExactly(AckResult.CANCELLED);
			assertThat(store.ack("jobs",
					List.of(new Outcome("jobs", claimed.id(), claimed.token(), Outcome.Kind.FAILED, "boom", 0)),
					Retention.defaults()))
				.containsExactly(AckResult.CANCELLED);
		}
		assertThat(handle.info().orElseThrow()).satisfies((task) -> {
			assertThat(task.state()).isEqualTo(TaskState.CANCELLED);
			assertThat(task.resultJson()).isNull();
			assertThat(task.lastError()).isNull();
			assertThat(task.progress()).isNull();
		});
		assertThat(this.manager.taskLogs("jobs", handle.id())).isEmpty();
		assertThat(this.manager.counts("jobs")).isEqualTo(new QueueCounts(0, 0, 0, 1, 0));
		assertThat(this.manager.groups("jobs").list(10)).as("the group's slot is free").isEmpty();
	}

}
