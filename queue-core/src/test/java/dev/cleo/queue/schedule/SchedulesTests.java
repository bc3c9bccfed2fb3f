/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.ListedTask;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskListRequest;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The schedule API on a real Redis: register, list, pause, resume, delete, run now,
 * overlap and fixed delay.
 */
@QueueManagerTest
class SchedulesTests {

	private static final String QUEUE = "jobs";

	private static final TaskOptions JOBS = TaskOptions.defaults().queue(QUEUE);

	private final ScheduledRuns runs = new ScheduledRuns();

	private QueueManager manager;

	private Schedules schedules;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("tick", this.runs.recorder(this.manager));
		this.schedules = this.manager.schedules();
	}

	@Test
	void registeredScheduleIsListedWithItsNextFireAndThenItsLastRun() {
		ScheduleInfo registered = this.schedules
			.register(Schedule.fixedRate("often", Duration.ofMillis(200)).task("tick", null).options(JOBS));
		assertThat(registered.nextFire()).isNotNull();
		assertThat(registered.lastRun()).isNull();
		assertThat(registered.trigger()).isEqualTo(Trigger.fixedRate(Duration.ofMillis(200)));
		assertThat(registered.paused()).isFalse();
		assertThat(this.schedules.list()).extracting(ScheduleInfo::name).containsExactly("often");
		startWorkers();
		ScheduleInfo fired = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.schedules.find(QUEUE, "often").orElseThrow(), (info) -> info.fired() >= 2);
		assertThat(fired.lastRun().taskId()).isNotNull();
		assertThat(fired.lastRun().firedAt()).isAfterOrEqualTo(fired.lastRun().tick());
		assertThat(fired.nextFire()).isAfter(fired.lastRun().tick());
		String lastId = fired.lastRun().taskId();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.manager.task(QUEUE, lastId).orElseThrow().state() == TaskState.COMPLETED);
		assertThat(this.runs.all()).extracting(ScheduledRuns.Run::id).contains(lastId);
	}

	@Test
	void pausedScheduleFiresNothingUntilResumed() {
		runOftenUntilItFired();
		assertThat(this.schedules.pause(QUEUE, "often")).isTrue();
		assertThat(this.schedules.pause(QUEUE, "often")).isFalse();
		ScheduleInfo paused = this.schedules.find(QUEUE, "often").orElseThrow();
		assertThat(paused.paused()).isTrue();
		assertThat(paused.nextFire()).isNull();
		long firedWhenPaused = paused.fired();
		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(2))
			.until(() -> fired("often") == firedWhenPaused);
		assertThat(this.schedules.resume(QUEUE, "often")).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> fired("often") > firedWhenPaused);
	}

	@Test
	void deletedScheduleIsGoneAndFiresNoMore() {
		runOftenUntilItFired();
		assertThat(this.schedules.delete(QUEUE, "often")).isTrue();
		assertThat(this.schedules.delete(QUEUE, "often")).isFalse();
		assertThat(this.schedules.find(QUEUE, "often")).isEmpty();
		assertThat(this.schedules.list(QUEUE)).isEmpty();
		long created = tasksCreated();
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> tasksCreated() == created);
	}

	@Test
	void triggerRunsOnceNowAndBecomesTheLastRunWithoutMovingTheNextTick() {
		ScheduleInfo registered = this.schedules
			.register(Schedule.cron("yearly", "0 0 0 1 1 *").task("tick", "payload").options(JOBS));
		startWorkers();
		String id = this.schedules.trigger(QUEUE, "yearly");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.runs.size() == 1);
		assertThat(this.runs.all().get(0).id()).isEqualTo(id);
		TaskInfo task = this.manager.task(QUEUE, id).orElseThrow();
		assertThat(task.payloadJson()).isEqualTo("\"payload\"");
		ScheduleInfo after = this.schedules.find(QUEUE, "yearly").orElseThrow();
		assertThat(after.lastRun().taskId()).isEqualTo(id);
		assertThat(after.lastRun().state()).isEqualTo(TaskState.COMPLETED);
		assertThat(after.nextFire()).isEqualTo(registered.nextFire());
		assertThat(after.fired()).isEqualTo(1);
	}

	@Test
	void eachRunAScheduleEnqueuesIsPublishedAsCreated() throws Exception {
		List<TaskEvent> created = new CopyOnWriteArrayList<>();
		try (AutoCloseable subscription = this.manager.onTaskEvent(created::add, ObserverEvent.CREATED)) {
			this.schedules
				.register(Schedule.fixedRate("often", Duration.ofMillis(200)).task("tick", null).options(JOBS));
			startWorkers();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.runs.size() >= 2);
			this.schedules.pause(QUEUE, "often");
			this.schedules.register(Schedule.cron("yearly", "0 0 0 1 1 *").task("tick", "payload").options(JOBS));
			String now = this.schedules.trigger(QUEUE, "yearly");
			// One event per run enqueued, fired or run now, with the run's task id
			// (published
			// once the enqueue's reply arrives, so possibly after the run started).
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(created).extracting(TaskEvent::taskId)
					.doesNotHaveDuplicates()
					.contains(now)
					.containsAll(this.runs.all().stream().map(ScheduledRuns.Run::id).toList())
					.hasSize((int) tasksCreated());
				assertThat(created).extracting(TaskEvent::queue, TaskEvent::taskName, TaskEvent::attempt)
					.containsOnly(tuple(QUEUE, "tick", 0));
			});
		}
	}

	@Test
	void operationsOnAnUnknownScheduleNameIt() {
		assertThatExceptionOfType(UnknownScheduleException.class).isThrownBy(() -> this.schedules.pause(QUEUE, "nope"))
			.withMessageContaining("'nope'")
			.withMessageContaining("'jobs'");
		assertThatExceptionOfType(UnknownScheduleException.class)
			.isThrownBy(() -> this.schedules.resume(QUEUE, "nope"));
		assertThatExceptionOfType(UnknownScheduleException.class)
			.isThrownBy(() -> this.schedules.trigger(QUEUE, "nope"));
		assertThat(this.schedules.delete(QUEUE, "nope")).isFalse();
	}

	@Test
	void unchangedDefinitionKeepsItsNextTickAndAChangedTriggerMovesIt() {
		Schedule yearly = Schedule.cron("report", "0 0 0 1 1 *").task("tick", "a").options(JOBS);
		Instant next = this.schedules.register(yearly).nextFire();
		assertThat(next.atZone(ZoneOffset.UTC).getDayOfYear()).isEqualTo(1);
		assertThat(this.schedules.register(yearly).nextFire()).isEqualTo(next);
		assertThat(this.schedules.register(yearly.task("tick", "b")).nextFire()).isEqualTo(next);
		Schedule june = Schedule.cron("report", "0 0 0 1 6 *").task("tick", "b").options(JOBS);
		Instant moved = this.schedules.register(june).nextFire();
		assertThat(moved.atZone(ZoneOffset.UTC).getMonthValue()).isEqualTo(6);
		assertThat(this.schedules.list(QUEUE)).hasSize(1);
	}

	@Test
	void skipIfRunningSkipsTicksWhileThePreviousRunGoesOn() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		this.manager.register("slow", (task) -> release.await(10, TimeUnit.SECONDS));
		this.schedules.register(Schedule.fixedRate("slow", Duration.ofMillis(100))
			.options(JOBS)
			.overlap(OverlapPolicy.SKIP_IF_RUNNING));
		startWorkers();
		ScheduleInfo skipping = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.schedules.find(QUEUE, "slow").orElseThrow(), (info) -> info.skipped() >= 3);
		assertThat(skipping.fired()).isEqualTo(1);
		assertThat(skipping.lastRun().state()).isEqualTo(TaskState.ACTIVE);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> fired("slow") >= 2);
	}

	@Test
	void allowFiresTicksWhileThePreviousRunGoesOn() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		this.manager.register("slow", (task) -> release.await(10, TimeUnit.SECONDS));
		this.schedules.register(Schedule.fixedRate("slow", Duration.ofMillis(100)).options(JOBS));
		startWorkers(5);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.manager.counts(QUEUE).active() >= 3);
		release.countDown();
		assertThat(this.schedules.find(QUEUE, "slow").orElseThrow().skipped()).isZero();
	}

	@Test
	void fixedDelayStartsEachRunTheDelayAfterThePreviousOneEnded() {
		List<String> ids = new CopyOnWriteArrayList<>();
		this.manager.register("work", (task) -> {
			ids.add(task.id());
			Thread.sleep(150); // the work whose end the delay counts from
			return null;
		});
		this.schedules.register(Schedule.fixedDelay("paced", Duration.ofMillis(300)).task("work", null).options(JOBS));
		startWorkers(5);
		await().atMost(Duration.ofSeconds(10)).until(() -> ids.size() >= 4);
		this.schedules.pause(QUEUE, "paced");
		List<TaskInfo> tasks = ids.stream().map((id) -> this.manager.task(QUEUE, id).orElseThrow()).toList();
		for (int i = 1; i < 4; i++) {
			TaskInfo previous = tasks.get(i - 1);
			assertThat(previous.finishedAt()).isNotNull();
			assertThat(tasks.get(i).createdAt()).as("run %d fired 300 ms after run %d ended", i, i - 1)
				.isAfterOrEqualTo(previous.finishedAt().plusMillis(300));
		}
	}

	@Test
	void scheduledTaskJoinsItsGroupAndItsHandlerEnqueuesADelayedChild() {
		this.manager.register("parent", (task) -> task.enqueue("tick", null, JOBS.delay(Duration.ofMillis(100))));
		this.schedules.register(Schedule.fixedRate("grouped", Duration.ofMillis(200))
			.task("parent", null)
			.options(JOBS.group("customer-1")));
		startWorkers();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.runs.size() >= 1);
		String parent = this.schedules.find(QUEUE, "grouped").orElseThrow().lastRun().taskId();
		assertThat(this.manager.task(QUEUE, parent).orElseThrow().group()).isEqualTo("customer-1");
	}

	@Test
	void delayedOneOffTasksAreListedWithTheirDueTime() {
		Instant due = Instant.now().plusSeconds(3600);
		String id = this.manager.enqueue("tick", null, JOBS.runAt(due)).id();
		this.manager.enqueue("tick", null, JOBS);
		List<ListedTask> delayed = this.manager.tasks(QUEUE)
			.list(TaskState.DELAYED, TaskListRequest.oldestFirst(10))
			.tasks();
		assertThat(delayed).extracting((listed) -> listed.task().id()).containsExactly(id);
		assertThat(delayed.get(0).dueAt()).isEqualTo(due.truncatedTo(ChronoUnit.MILLIS));
		assertThat(delayed.get(0).task().state()).isEqualTo(TaskState.DELAYED);
	}

	/** Registers {@code often}, firing every 100 ms, and runs it until it fired once. */
	private void runOftenUntilItFired() {
		this.schedules.register(Schedule.fixedRate("often", Duration.ofMillis(100)).task("tick", null).options(JOBS));
		startWorkers();
		await().atMost(Duration.ofSeconds(5)).until(() -> fired("often") >= 1);
	}

	private long fired(String name) {
		return this.schedules.find(QUEUE, name).orElseThrow().fired();
	}

	private long tasksCreated() {
		var counts = this.manager.counts(QUEUE);
		return counts.waiting() + counts.delayed() + counts.active() + counts.finished() + counts.dead();
	}

	private void startWorkers() {
		startWorkers(1);
	}

	private void startWorkers(int concurrency) {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).concurrency(concurrency).build());
	}

}
