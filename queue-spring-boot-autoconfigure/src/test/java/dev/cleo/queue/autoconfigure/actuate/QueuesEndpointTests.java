/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.cleo.queue.GroupInfo;
import dev.cleo.queue.GroupOrder;
import dev.cleo.queue.GroupOverflow;
import dev.cleo.queue.GroupProcessingStrategy;
import dev.cleo.queue.GroupRateLimit;
import dev.cleo.queue.GroupStats;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.UnrecoverableTaskException;
import dev.cleo.queue.autoconfigure.actuate.QueuesEndpoint.QueueDescriptor;
import dev.cleo.queue.autoconfigure.actuate.QueuesEndpoint.QueuesDescriptor;
import dev.cleo.queue.schedule.OverlapPolicy;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.schedule.ScheduleInfo;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code queues} endpoint against a real Redis: what it reads (groups, schedules,
 * delayed tasks), and its write operations on queues and schedules, refused unless
 * switched on.
 */
@RedisTest
class QueuesEndpointTests {

	private QueueManager manager;

	private CleoActuatorProperties properties;

	private QueuesEndpoint endpoint;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).workerId("node-1").build();
		this.manager.register("fail", (task) -> {
			throw new UnrecoverableTaskException("broken on purpose");
		});
		this.manager.register("echo", (task) -> task.payload(String.class));
		this.properties = new CleoActuatorProperties();
		this.endpoint = new QueuesEndpoint(this.manager, this.properties);
	}

	@AfterEach
	void tearDown() {
		this.manager.close();
	}

	@Test
	void writeOperationsAreRefusedByDefault() {
		WebEndpointResponse<QueueActionResult> response = this.endpoint.act("orders", "pause", null, null);
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getBody().done()).isFalse();
		assertThat(response.getBody().message()).contains("cleo.actuator.write-operations.enabled=true");
	}

	@Test
	void unknownActionIsABadRequest() {
		this.properties.getWriteOperations().setEnabled(true);
		WebEndpointResponse<QueueActionResult> response = this.endpoint.act("orders", "explode", null, null);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getBody().message()).contains("Unknown action 'explode'");
	}

	@Test
	void retryDeadLettersRunsThemAgainWhenEnabled() {
		oneDeadTaskIn("orders");
		this.properties.getWriteOperations().setEnabled(true);
		WebEndpointResponse<QueueActionResult> response = this.endpoint.act("orders", "retry-dead-letters", 10, null);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getBody().affected()).isEqualTo(1);
		assertThat(this.manager.counts("orders").dead()).isZero();
		assertThat(this.manager.counts("orders").waiting()).isOne();
	}

	@Test
	void retryDeadLettersIsRefusedWhenDisabled() {
		oneDeadTaskIn("orders");
		assertThat(this.endpoint.act("orders", "retry-dead-letters", 10, null).getStatus()).isEqualTo(403);
		assertThat(this.manager.counts("orders").dead()).isOne();
	}

	@Test
	void readListsQueuesWithCountsWorkersAndInstances() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").concurrency(2).build());
		this.manager.enqueue("echo", "hi",
				TaskOptions.defaults().queue("reports").delay(java.time.Duration.ofHours(1)));
		await().untilAsserted(() -> {
			QueuesDescriptor all = this.endpoint.queues();
			assertThat(all.queues()).extracting(QueueDescriptor::name).contains("orders", "reports");
			assertThat(all.instances()).contains("node-1");
		});
		QueueDescriptor reports = this.endpoint.queue("reports");
		assertThat(reports.counts().delayed()).isOne();
		assertThat(reports.paused()).isFalse();
		QueueDescriptor orders = this.endpoint.queue("orders");
		assertThat(orders.workers()).singleElement()
			.satisfies((worker) -> assertThat(worker.concurrency()).isEqualTo(2));
	}

	@Test
	void detailShowsTheGroupSettings() {
		this.manager.setGroupProcessingStrategy("orders", GroupProcessingStrategy.FIFO);
		this.manager.setGroupConcurrency("orders", 2);
		this.manager.setGroupOrder("orders", GroupOrder.LIFO);
		this.manager.setGroupMaxSize("orders", 50);
		this.manager.setGroupOverflow("orders", GroupOverflow.DROP_OLDEST);
		this.manager.setGroupRateLimit("orders", GroupRateLimit.of(5, Duration.ofSeconds(1)));
		this.manager.setGroupHeldForRetries("orders", false);
		this.manager.pauseGroup("orders", "vip");
		this.manager.enqueue("echo", "hi", TaskOptions.defaults().queue("orders").group("vip"));

		QueuesEndpoint.GroupsDescriptor groups = this.endpoint.queue("orders").groups();
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
		await().until(() -> this.manager.groupStats("orders", "vip").endedAttempts() == 2);
		// A paused group is listed even with nothing waiting or running.
		this.manager.pauseGroup("orders", "vip");

		QueuesEndpoint.GroupsDescriptor groups = this.endpoint.queue("orders").groups();
		assertThat(groups.listed()).extracting(GroupInfo::name).containsExactly("vip");
		assertThat(groups.stats()).containsOnlyKeys("vip");
		GroupStats vip = groups.stats().get("vip");
		assertThat(vip.completed()).isOne();
		assertThat(vip.failedAttempts()).isOne();
		assertThat(vip.dead()).isOne();
		assertThat(vip.completedPerMinute()).isPositive();
	}

	@Test
	void detailShowsTheDeadLetterSize() {
		oneDeadTaskIn("orders");
		assertThat(this.endpoint.queue("orders").deadLetters()).isOne();
	}

	@Test
	void pauseAndResumeWhenEnabled() {
		this.properties.getWriteOperations().setEnabled(true);
		assertThat(this.endpoint.act("orders", "pause", null, null).getStatus()).isEqualTo(200);
		assertThat(this.manager.isPaused("orders")).isTrue();
		assertThat(this.endpoint.queue("orders").paused()).isTrue();
		assertThat(this.endpoint.act("orders", "resume", null, null).getStatus()).isEqualTo(200);
		assertThat(this.manager.isPaused("orders")).isFalse();
	}

	@Test
	void pauseIsRefusedWhenDisabled() {
		assertThat(this.endpoint.act("orders", "pause", null, null).getStatus()).isEqualTo(403);
		assertThat(this.manager.isPaused("orders")).isFalse();
	}

	@Test
	void purgeDeadLettersWhenEnabled() {
		oneDeadTaskIn("orders");
		this.properties.getWriteOperations().setEnabled(true);
		WebEndpointResponse<QueueActionResult> response = this.endpoint.act("orders", "purge-dead-letters", null, null);
		assertThat(response.getBody().affected()).isOne();
		assertThat(this.manager.counts("orders").dead()).isZero();
	}

	@Test
	void detailShowsTheSchedulesAndTheDelayedTasksWithTheirDueTime() {
		this.manager.schedules().register(nightly());
		String runId = this.manager.schedules().trigger("reports", "nightly");
		Instant due = Instant.now().plus(Duration.ofHours(1));
		String delayedId = this.manager
			.enqueue("echo", "later", TaskOptions.defaults().queue("reports").runAt(due).group("eu"))
			.id();

		QueueDescriptor reports = this.endpoint.queue("reports");
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
	void scheduleActionsAreRefusedWhenDisabled() {
		this.manager.schedules().register(nightly());
		for (String action : List.of("pause-schedule", "resume-schedule", "delete-schedule", "trigger-schedule")) {
			WebEndpointResponse<QueueActionResult> response = this.endpoint.act("reports", action, null, "nightly");
			assertThat(response.getStatus()).as(action).isEqualTo(403);
			assertThat(response.getBody().done()).isFalse();
		}
		ScheduleInfo untouched = this.manager.schedules().find("reports", "nightly").orElseThrow();
		assertThat(untouched.paused()).isFalse();
		assertThat(untouched.lastRun()).isNull();
	}

	@Test
	void scheduleActionsPauseResumeTriggerAndDeleteWhenEnabled() {
		this.manager.schedules().register(nightly());
		this.properties.getWriteOperations().setEnabled(true);

		assertThat(this.endpoint.act("reports", "pause-schedule", null, "nightly").getBody().affected()).isOne();
		assertThat(this.endpoint.queue("reports").schedules().get(0).paused()).isTrue();
		assertThat(this.endpoint.act("reports", "pause-schedule", null, "nightly").getBody().affected()).isZero();
		assertThat(this.endpoint.act("reports", "resume-schedule", null, "nightly").getBody().affected()).isOne();
		assertThat(this.manager.schedules().find("reports", "nightly").orElseThrow().paused()).isFalse();

		WebEndpointResponse<QueueActionResult> triggered = this.endpoint.act("reports", "trigger-schedule", null,
				"nightly");
		assertThat(triggered.getStatus()).isEqualTo(200);
		assertThat(triggered.getBody().schedule()).isEqualTo("nightly");
		assertThat(this.manager.task("reports", triggered.getBody().taskId())).isPresent();

		assertThat(this.endpoint.act("reports", "delete-schedule", null, "nightly").getStatus()).isEqualTo(200);
		assertThat(this.manager.schedules().list("reports")).isEmpty();
	}

	@Test
	void unknownScheduleIsNotFoundAndAMissingNameABadRequest() {
		this.properties.getWriteOperations().setEnabled(true);
		for (String action : List.of("pause-schedule", "resume-schedule", "delete-schedule", "trigger-schedule")) {
			WebEndpointResponse<QueueActionResult> unknown = this.endpoint.act("reports", action, null, "ghost");
			assertThat(unknown.getStatus()).as(action).isEqualTo(404);
			assertThat(unknown.getBody().message()).contains("No schedule 'ghost' on queue 'reports'");
			WebEndpointResponse<QueueActionResult> unnamed = this.endpoint.act("reports", action, null, null);
			assertThat(unnamed.getStatus()).as(action).isEqualTo(400);
			assertThat(unnamed.getBody().message()).contains("{\"schedule\": \"<name>\"}");
		}
	}

	private static Schedule nightly() {
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
		assertThat(this.manager.deadLetters(queue).list(0, 10)).extracting((task) -> task.lastError())
			.isEqualTo(List.of("broken on purpose"));
	}

}
