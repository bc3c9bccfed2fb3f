/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.UnrecoverableTaskException;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.group.GroupInfo;
import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.group.GroupStats;
import dev.cleo.queue.schedule.OverlapPolicy;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The {@code queues} endpoint against a real Redis: what it reads (the application's
 * queues, the other queues in Redis, groups, schedules, delayed tasks) and what its
 * actions do when writes are on. The application knows the queues {@code orders} and
 * {@code reports}. {@link QueuesEndpointRefusalTests} has the refusals.
 */
@RedisTest
class QueuesEndpointTests {

	private QueueManager manager;

	private RedisReads reads;

	private QueuesEndpoint endpoint;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).workerId("node-1").build();
		this.manager.register("fail", (task) -> {
			throw new UnrecoverableTaskException("broken on purpose");
		});
		this.manager.register("echo", (task) -> task.payload(String.class));
		this.reads = new RedisReads(Duration.ofSeconds(2));
		this.endpoint = new QueuesEndpoint(this.manager, new ApplicationQueues(List.of("orders", "reports")),
				this.reads, WriteAccess.withoutSecurity(true));
	}

	@AfterEach
	void tearDown() {
		this.reads.close();
		this.manager.close();
	}

	@Test
	void readListsTheApplicationQueuesWithCountsWorkersAndInstances() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").concurrency(2).build());
		this.manager.enqueue("echo", "hi", TaskOptions.defaults().queue("reports").delay(Duration.ofHours(1)));
		await().untilAsserted(() -> assertThat(all().instances()).contains("node-1"));
		assertThat(all().queues()).extracting(QueueDescriptor::name).containsExactly("orders", "reports");
		QueueDescriptor reports = queue("reports");
		assertThat(reports.counts().delayed()).isOne();
		assertThat(reports.paused()).isFalse();
		assertThat(queue("orders").workers()).singleElement()
			.satisfies((worker) -> assertThat(worker.concurrency()).isEqualTo(2));
	}

	@Test
	void readNamesTheFirstHundredOtherQueuesInRedisWithoutDescribingThem() {
		IntStream.range(0, 150)
			.forEach((i) -> this.manager.enqueue("echo", "x", TaskOptions.defaults().queue(String.format("q%03d", i))));
		QueuesDescriptor all = all();
		assertThat(all.queues()).extracting(QueueDescriptor::name).containsExactly("orders", "reports");
		assertThat(all.otherQueues().count()).isEqualTo(150);
		assertThat(all.otherQueues().names()).hasSize(100).startsWith("q000", "q001").endsWith("q099");
	}

	@Test
	void readDescribesAStrayQueueFoundInRedis() {
		this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("stray"));
		assertThat(queue("stray").counts().waiting()).isOne();
	}

	@Test
	void readDescribesAnApplicationQueueThatRedisHasNotSeenYet() {
		assertThat(queue("orders").counts().waiting()).isZero();
	}

	@Test
	void detailShowsTheGroupSettings() {
		this.manager.groups("orders").setStrategy(GroupProcessingStrategy.FIFO);
		this.manager.groups("orders").setConcurrency(2);
		this.manager.groups("orders").setOrder(GroupOrder.LIFO);
		this.manager.groups("orders").setMaxSize(50);
		this.manager.groups("orders").setOverflow(GroupOverflow.DROP_OLDEST);
		this.manager.groups("orders").setRateLimit(GroupRateLimit.of(5, Duration.ofSeconds(1)));
		this.manager.groups("orders").setHeldForRetries(false);
		this.manager.groups("orders").group("vip").pause();
		this.manager.enqueue("echo", "hi", TaskOptions.defaults().queue("orders").group("vip"));

		GroupsDescriptor groups = queue("orders").groups();
		assertThat(groups.strategy()).isEqualTo(GroupProcessingStrategy.FIFO);
		assertThat(groups.concurrency()).isEqualTo(2);
		assertThat(groups.order()).isEqualTo(GroupOrder.LIFO);
		assertThat(groups.maxSize()).isEqualTo(50);
		assertThat(groups.overflow()).isEqualTo(GroupOverflow.DROP_OLDEST);
		assertThat(groups.rateLimit()).isEqualTo(GroupRateLimit.of(5, Duration.ofSeconds(1)));
		assertThat(groups.heldForRetries()).isFalse();
		assertThat(groups.listed()).containsExactly(new GroupInfo("vip", 1, 0, true, false, 0));
	}

	@Test
	void detailShowsTheStatsOfTheListedGroups() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").concurrency(2).build());
		this.manager.enqueue("echo", "hi", TaskOptions.defaults().queue("orders").group("vip"));
		this.manager.enqueue("fail", "hi", TaskOptions.defaults().queue("orders").group("vip"));
		await().until(() -> this.manager.groups("orders").group("vip").stats().endedAttempts() == 2);
		// A paused group is listed even with nothing waiting or running.
		this.manager.groups("orders").group("vip").pause();

		GroupsDescriptor groups = queue("orders").groups();
		assertThat(groups.listed()).extracting(GroupInfo::name).containsExactly("vip");
		assertThat(groups.stats()).containsOnlyKeys("vip");
		GroupStats vip = groups.stats().get("vip");
		assertThat(vip.completed()).isOne();
		assertThat(vip.failedAttempts()).isOne();
		assertThat(vip.dead()).isOne();
		assertThat(vip.completedPerMinute()).isPositive();
	}

	@Test
	void detailShowsTheLastHourOfHistoryWithTheTopErrorsAndTheListingDoesNot() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").concurrency(2).build());
		List<String> ids = List.of(this.manager.enqueue("echo", "a", TaskOptions.defaults().queue("orders")).id(),
				this.manager.enqueue("echo", "b", TaskOptions.defaults().queue("orders")).id(),
				this.manager.enqueue("fail", "c", TaskOptions.defaults().queue("orders")).id());
		await().until(
				() -> ids.stream().allMatch((id) -> this.manager.task("orders", id).orElseThrow().state().isFinal()));

		QueueHistoryDescriptor lastHour = queue("orders").lastHour();
		assertThat(lastHour.attempts()).isEqualTo(3);
		assertThat(lastHour.completed()).isEqualTo(2);
		assertThat(lastHour.failures()).isOne();
		assertThat(lastHour.dead()).isOne();
		assertThat(lastHour.retried()).isZero();
		assertThat(lastHour.successRate()).isCloseTo(2 / 3.0, within(0.001));
		assertThat(lastHour.p99DurationMs()).isGreaterThanOrEqualTo(lastHour.p50DurationMs());
		assertThat(lastHour.throughputPerSecond()).isPositive();
		assertThat(lastHour.topErrors()).singleElement().satisfies((error) -> {
			assertThat(error.message()).isEqualTo("broken on purpose");
			assertThat(error.count()).isOne();
			assertThat(error.exampleTaskId()).isEqualTo(ids.get(2));
		});
		assertThat(all().queues()).allSatisfy((queue) -> assertThat(queue.lastHour()).isNull());
	}

	@Test
	void detailShowsTheDeadLetterSize() {
		oneDeadTaskIn("orders");
		assertThat(queue("orders").deadLetters()).isOne();
	}

	@Test
	void detailShowsTheSchedulesAndTheDelayedTasksWithTheirDueTime() {
		this.manager.schedules().register(nightly());
		String runId = this.manager.schedules().trigger("reports", "nightly");
		Instant due = Instant.now().plus(Duration.ofHours(1));
		String delayedId = this.manager
			.enqueue("echo", "later", TaskOptions.defaults().queue("reports").runAt(due).group("eu"))
			.id();

		QueueDescriptor reports = queue("reports");
		assertThat(reports.schedules()).singleElement().satisfies((schedule) -> {
			assertThat(schedule.name()).isEqualTo("nightly");
			assertThat(schedule.task()).isEqualTo("echo");
			assertThat(schedule.trigger()).isEqualTo("cron '0 30 2 * * *' (SPRING, Europe/Paris)");
			assertThat(schedule.overlap()).isEqualTo(OverlapPolicy.SKIP_IF_RUNNING);
			assertThat(schedule.paused()).isFalse();
			assertThat(schedule.nextFire()).isAfter(Instant.now());
			assertThat(schedule.lastRun().taskId()).isEqualTo(runId);
			assertThat(schedule.lastRun().state()).isEqualTo(TaskState.WAITING);
		});
		assertThat(reports.delayed()).singleElement().satisfies((task) -> {
			assertThat(task.id()).isEqualTo(delayedId);
			assertThat(task.task()).isEqualTo("echo");
			assertThat(task.dueAt()).isEqualTo(due.truncatedTo(ChronoUnit.MILLIS));
			assertThat(task.group()).isEqualTo("eu");
		});
	}

	@Test
	void retryDeadLettersRunsThemAgain() {
		oneDeadTaskIn("orders");
		assertThat(act("orders", "retry-dead-letters", 10, null, null).affected()).isOne();
		assertThat(this.manager.counts("orders").dead()).isZero();
		assertThat(this.manager.counts("orders").waiting()).isOne();
	}

	@Test
	void retryDeadLettersTakesUpToTenThousand() {
		oneDeadTaskIn("orders");
		assertThat(act("orders", "retry-dead-letters", 10_000, null, null).affected()).isOne();
	}

	@Test
	void pauseAndResume() {
		act("orders", "pause", null, null, null);
		assertThat(this.manager.queueInfo("orders").paused()).isTrue();
		assertThat(queue("orders").paused()).isTrue();
		act("orders", "resume", null, null, null);
		assertThat(this.manager.queueInfo("orders").paused()).isFalse();
	}

	@Test
	void purgeDeadLetters() {
		oneDeadTaskIn("orders");
		assertThat(act("orders", "purge-dead-letters", null, null, null).affected()).isOne();
		assertThat(this.manager.counts("orders").dead()).isZero();
	}

	@Test
	void cancelEndsAWaitingTaskCancelled() {
		String id = this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("orders")).id();
		QueueActionResult result = act("orders", "cancel", null, null, id);
		assertThat(result.affected()).isOne();
		assertThat(result.taskId()).isEqualTo(id);
		assertThat(this.manager.task("orders", id).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
	}

	@Test
	void cancelEndsARunningTaskCancelledAndItsHandlerIsInterrupted() {
		CountDownLatch interrupted = new CountDownLatch(1);
		this.manager.register("block", (task) -> {
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return null;
		});
		WorkerPool pool = this.manager.startWorkers(WorkerPoolOptions.builder()
			.name("t")
			.queue("orders")
			.concurrency(1)
			.heartbeat(Duration.ofMillis(200))
			.build());
		String id = this.manager.enqueue("block", "x", TaskOptions.defaults().queue("orders")).id();
		await().until(() -> pool.runningTasks() == 1);

		assertThat(act("orders", "cancel", null, null, id).affected()).isOne();
		assertThat(this.manager.task("orders", id).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
		await().until(() -> interrupted.getCount() == 0 && pool.runningTasks() == 0);
	}

	@Test
	void removeTakesAStrayQueueWithOnlyHistoryAway() {
		String id = this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("stray")).id();
		this.manager.cancel("stray", id);
		WebEndpointResponse<Object> response = this.endpoint.remove("stray", null);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(((QueueActionResult) response.getBody()).action()).isEqualTo("remove");
		assertThat(this.manager.queues()).doesNotContain("stray");
		assertThat(all().otherQueues().names()).doesNotContain("stray");
	}

	@Test
	void removeWithTasksTakesThemAwayToo() {
		IntStream.range(0, 3).forEach((i) -> this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("stray")));
		WebEndpointResponse<Object> response = this.endpoint.remove("stray", true);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(((QueueActionResult) response.getBody()).affected()).isEqualTo(3);
		assertThat(this.manager.queues()).doesNotContain("stray");
		assertThat(this.manager.counts("stray").waiting()).isZero();
	}

	@Test
	void scheduleActionsPauseResumeTriggerAndDelete() {
		this.manager.schedules().register(nightly());

		assertThat(act("reports", "pause-schedule", null, "nightly", null).affected()).isOne();
		assertThat(queue("reports").schedules().get(0).paused()).isTrue();
		assertThat(act("reports", "pause-schedule", null, "nightly", null).affected()).isZero();
		assertThat(act("reports", "resume-schedule", null, "nightly", null).affected()).isOne();
		assertThat(this.manager.schedules().find("reports", "nightly").orElseThrow().paused()).isFalse();

		QueueActionResult triggered = act("reports", "trigger-schedule", null, "nightly", null);
		assertThat(triggered.schedule()).isEqualTo("nightly");
		assertThat(this.manager.task("reports", triggered.taskId())).isPresent();

		assertThat(act("reports", "delete-schedule", null, "nightly", null).affected()).isOne();
		assertThat(this.manager.schedules().list("reports")).isEmpty();
	}

	private QueuesDescriptor all() {
		WebEndpointResponse<Object> response = this.endpoint.queues();
		assertThat(response.getStatus()).isEqualTo(200);
		return (QueuesDescriptor) response.getBody();
	}

	private QueueDescriptor queue(String name) {
		WebEndpointResponse<Object> response = this.endpoint.queue(name);
		assertThat(response.getStatus()).as("%s", response.getBody()).isEqualTo(200);
		return (QueueDescriptor) response.getBody();
	}

	private QueueActionResult act(String name, String action, Integer maxJobs, String schedule, String id) {
		WebEndpointResponse<Object> response = this.endpoint.act(name, action, maxJobs, schedule, id);
		assertThat(response.getStatus()).as("%s", response.getBody()).isEqualTo(200);
		return (QueueActionResult) response.getBody();
	}

	static Schedule nightly() {
		return Schedule.cron("nightly", "0 30 2 * * *", ZoneId.of("Europe/Paris"))
			.task("echo", "report")
			.options(TaskOptions.defaults().queue("reports"))
			.overlap(OverlapPolicy.SKIP_IF_RUNNING);
	}

	private void oneDeadTaskIn(String queue) {
		WorkerPool pool = this.manager
			.startWorkers(WorkerPoolOptions.builder().name("t").queue(queue).concurrency(2).build());
		this.manager.enqueue("fail", "x", TaskOptions.defaults().queue(queue).maxAttempts(1));
		await().until(() -> this.manager.counts(queue).dead() == 1);
		pool.stop();
		assertThat(this.manager.deadLetters(queue).list(0, 10))
			.extracting((task) -> task.lastError().lines().findFirst().orElseThrow())
			.isEqualTo(List.of("broken on purpose"));
	}

}
