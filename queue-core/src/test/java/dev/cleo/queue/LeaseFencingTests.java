/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.redis.AckResult;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.ExpiredLease;
import dev.cleo.queue.redis.Lease;
import dev.cleo.queue.redis.LostLease;
import dev.cleo.queue.redis.Outcome.Kind;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fencing: once a lease expired and the task was leased again, the old holder's token no
 * longer writes anything: not a result, not a failure, not a heartbeat, not progress.
 */
@QueueManagerTest
public class LeaseFencingTests {

	private static final String QUEUE = "fenced";

	private static final Duration LEASE = Duration.ofSeconds(1);

	private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

	private QueueManager manager;

	private RedisTaskStore store;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.clock(this.clock));
		this.store = managers.taskStore(this.clock);
	}

	@Test
	void staleTokenCannotAckExtendOrReportAfterTheTaskWasLeasedAgain() {
		String id = this.manager
			.enqueue("fence", "payload", TaskOptions.defaults().queue(QUEUE).backoff(Backoff.fixed(Duration.ZERO)))
			.id();
		ClaimedTask first = claimOne("worker-A");
		assertThat(first.id()).isEqualTo(id);
		assertThat(first.attempt()).isEqualTo(1);
		assertThat(this.store.extend(QUEUE, List.of(lease(first)), LEASE)).isEmpty();

		this.clock.advance(Duration.ofMillis(1_500));
		List<ExpiredLease> expired = this.store.expiredLeases(QUEUE, 10);
		assertThat(expired).singleElement().satisfies((lease) -> {
			assertThat(lease.id()).isEqualTo(id);
			assertThat(lease.token()).isEqualTo(first.token());
			assertThat(lease.worker()).isEqualTo("worker-A");
		});
		assertThat(this.store.ack(QUEUE, List.of(outcome(first, Kind.FAILED, "Lease expired", this.clock.millis())),
				Retention.defaults()))
			.containsExactly(AckResult.RETRY_SCHEDULED);
		assertThat(task(id).state()).isEqualTo(TaskState.FAILED);

		ClaimedTask second = claimOne("worker-B");
		assertThat(second.id()).isEqualTo(id);
		assertThat(second.attempt()).isEqualTo(2);
		assertThat(second.token()).isNotEqualTo(first.token());

		assertThat(this.store.extend(QUEUE, List.of(lease(first)), LEASE)).extracting(LostLease::token)
			.containsExactly(first.token());
		assertThat(this.store.report(QUEUE, lease(first), 50, null, "stale line", 100).join()).isFalse();
		assertThat(
				this.store.ack(QUEUE, List.of(outcome(first, Kind.COMPLETED, "\"from A\"", 0)), Retention.defaults()))
			.containsExactly(AckResult.LEASE_LOST);
		assertThat(this.store.ack(QUEUE, List.of(outcome(first, Kind.FAILED, "stale failure", this.clock.millis())),
				Retention.defaults()))
			.containsExactly(AckResult.LEASE_LOST);
		assertThat(this.store.ack(QUEUE, List.of(outcome(first, Kind.UNRECOVERABLE, "stale death", 0)),
				Retention.defaults()))
			.containsExactly(AckResult.LEASE_LOST);

		TaskInfo untouched = task(id);
		assertThat(untouched.state()).isEqualTo(TaskState.ACTIVE);
		assertThat(untouched.attempts()).isEqualTo(2);
		assertThat(untouched.worker()).isEqualTo("worker-B");
		assertThat(untouched.resultJson()).isNull();
		assertThat(untouched.progress()).isNull();
		assertThat(untouched.lastError()).isEqualTo("Lease expired");
		assertThat(this.manager.taskLogs(QUEUE, id)).isEmpty();
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 1, 0, 0));

		this.clock.advance(Duration.ofMillis(700));
		assertThat(this.store.extend(QUEUE, List.of(lease(first), lease(second)), LEASE)).extracting(LostLease::token)
			.containsExactly(first.token());
		this.clock.advance(Duration.ofMillis(700));
		assertThat(this.store.expiredLeases(QUEUE, 10)).as("B's heartbeat holds the lease").isEmpty();

		assertThat(
				this.store.ack(QUEUE, List.of(outcome(second, Kind.COMPLETED, "\"from B\"", 0)), Retention.defaults()))
			.containsExactly(AckResult.COMPLETED);
		assertThat(
				this.store.ack(QUEUE, List.of(outcome(first, Kind.COMPLETED, "\"from A\"", 0)), Retention.defaults()))
			.containsExactly(AckResult.LEASE_LOST);
		TaskInfo completed = task(id);
		assertThat(completed.state()).isEqualTo(TaskState.COMPLETED);
		assertThat(completed.resultJson()).isEqualTo("\"from B\"");
		assertThat(completed.attempts()).isEqualTo(2);
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, 1, 0));
	}

	@Test
	void staleTokenCannotReviveATaskThatWentDeadAfterItsLeaseExpired() {
		String id = this.manager.enqueue("fence", "payload", TaskOptions.defaults().queue(QUEUE).maxAttempts(1)).id();
		ClaimedTask first = claimOne("worker-A");
		this.clock.advance(Duration.ofMillis(1_500));
		ExpiredLease expired = this.store.expiredLeases(QUEUE, 10).get(0);
		assertThat(this.store.ack(QUEUE,
				List.of(new Outcome(QUEUE, id, expired.token(), Kind.FAILED, "Lease expired", this.clock.millis())),
				Retention.defaults()))
			.containsExactly(AckResult.DEAD);

		assertThat(this.store.ack(QUEUE, List.of(outcome(first, Kind.COMPLETED, "\"late\"", 0)), Retention.defaults()))
			.containsExactly(AckResult.LEASE_LOST);
		assertThat(this.store.extend(QUEUE, List.of(lease(first)), LEASE)).extracting(LostLease::token)
			.containsExactly(first.token());
		TaskInfo dead = task(id);
		assertThat(dead.state()).isEqualTo(TaskState.DEAD);
		assertThat(dead.resultJson()).isNull();
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, 0, 1));
	}

	@Test
	void handlerThatOutlivesItsLeaseSeesItLostAndItsResultIsIgnored(QueueManagers managers) throws Exception {
		// Worker A's clock lags an hour behind: every deadline its heartbeat sets is
		// already past for the rest of the cluster, as if its heartbeats stalled.
		QueueManager laggingNode = managers.build(
				(builder) -> builder.clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-1))).workerId("lagging"));
		QueueManager healthyNode = managers.build((builder) -> builder.workerId("healthy"));
		AtomicReference<TaskContext> contextA = new AtomicReference<>();
		CountDownLatch startedA = new CountDownLatch(1);
		CountDownLatch releaseA = new CountDownLatch(1);
		AtomicInteger returnedA = new AtomicInteger();
		laggingNode.register("fence", (task) -> {
			contextA.set(task);
			startedA.countDown();
			releaseA.await();
			returnedA.incrementAndGet();
			return "from A";
		});
		AtomicInteger attemptB = new AtomicInteger();
		healthyNode.register("fence", (task) -> {
			attemptB.set(task.attempt());
			return "from B";
		});
		TaskHandle<Object> handle = healthyNode.enqueue("fence", "payload",
				TaskOptions.defaults().queue(QUEUE).backoff(Backoff.fixed(Duration.ZERO)));
		WorkerPool poolA = laggingNode.startWorkers(poolOptions("a"));
		assertThat(startedA.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(contextA.get().isLeaseLost()).isFalse();

		healthyNode.startWorkers(poolOptions("b"));
		await().atMost(Duration.ofSeconds(10)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		await().atMost(Duration.ofSeconds(5)).until(() -> contextA.get().isLeaseLost());
		assertThat(returnedA).hasValue(0);
		assertThat(attemptB).hasValue(2);

		releaseA.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> returnedA.get() == 1 && poolA.runningTasks() == 0);
		poolA.stop();

		TaskInfo task = handle.info().orElseThrow();
		assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
		assertThat(task.resultJson()).isEqualTo("\"from B\"");
		assertThat(task.attempts()).isEqualTo(2);
		assertThat(task.worker()).isEqualTo("healthy/b");
		assertThat(task.lastError()).startsWith("Lease expired: worker lagging/a");
		assertThat(healthyNode.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, 1, 0));
	}

	private static WorkerPoolOptions poolOptions(String name) {
		return WorkerPoolOptions.builder()
			.name(name)
			.queue(QUEUE)
			.concurrency(1)
			.lease(LEASE)
			.heartbeat(Duration.ofMillis(200))
			.reaperInterval(Duration.ofMillis(100))
			.shutdownTimeout(Duration.ofSeconds(1))
			.build();
	}

	private ClaimedTask claimOne(String worker) {
		List<ClaimedTask> tasks = this.store.claim(QUEUE, 1, LEASE, worker).tasks();
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	private TaskInfo task(String id) {
		return this.manager.task(QUEUE, id).orElseThrow();
	}

	private static Lease lease(ClaimedTask task) {
		return new Lease(task.id(), task.token());
	}

	private static Outcome outcome(ClaimedTask task, Kind kind, String data, long retryAt) {
		return new Outcome(QUEUE, task.id(), task.token(), kind, data, retryAt);
	}

	/** A clock the test moves by hand (public for the group tests in their package). */
	public static final class TestClock extends Clock {

		private final AtomicLong millis;

		public TestClock(Instant start) {
			this.millis = new AtomicLong(start.toEpochMilli());
		}

		public void advance(Duration duration) {
			this.millis.addAndGet(duration.toMillis());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(this.millis.get());
		}

		@Override
		public long millis() {
			return this.millis.get();
		}

	}

}
