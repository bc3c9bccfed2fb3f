/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.LeaseFencingTests.TestClock;
import dev.cleo.queue.QueueException;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.QueueManagers;
import dev.cleo.queue.Retention;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Outcome.Kind;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Merging one group into another and splitting a group by a key: tasks keep their places,
 * slots and retry holds move with them, and tasks that still name a merged group find the
 * group it went into. Claims and acks go straight to the store where a test needs to know
 * exactly what may start.
 */
@QueueManagerTest
class GroupMergeSplitTests {

	private static final String QUEUE = "orders";

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

	private QueueManagers managers;

	private QueueManager manager;

	private RedisTaskStore store;

	private RedisCommands<String, String> redis;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
		this.manager = manager();
		this.store = managers.taskStore(this.clock);
		this.redis = managers.redisCommands();
	}

	@Test
	void mergedGroupsRunAsOneGroupOneAtATimeInArrivalOrder() {
		List<TaskHandle<Object>> handles = enqueueSteps(40, (i) -> i,
				(i) -> (i % 2 == 0) ? "tenant-42-eu" : "tenant-42");

		assertThat(this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-42")).isEqualTo(20);
		assertThat(this.manager.groups(QUEUE).list(10))
			.containsExactly(new GroupInfo("tenant-42", 40, 0, false, false, 0));
		assertThat(handles.get(0).info().orElseThrow().group()).isEqualTo("tenant-42");
		List<Integer> ran = new CopyOnWriteArrayList<>();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		for (int instance = 0; instance < 2; instance++) {
			// Real workers on the real clock.
			QueueManager worker = this.managers.build();
			worker.register("step", (task) -> {
				mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
				ran.add(task.payload(Integer.class));
				running.decrementAndGet();
				return null;
			});
			worker.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).concurrency(4).build());
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> ran.size() == 40);
		assertThat(ran).isSorted();
		assertThat(mostAtOnce).hasValue(1);
	}

	@Test
	void aTaskRunningInTheMergedGroupHoldsASlotOfTheGroupItWentIntoUntilItEnds() {
		String running = enqueue("a", "tenant-42-eu");
		ClaimedTask started = claimOne();
		assertThat(started.id()).isEqualTo(running);

		assertThat(this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-42")).isZero();
		String next = enqueue("b", "tenant-42");
		assertThat(this.manager.groups(QUEUE).list(10))
			.containsExactly(new GroupInfo("tenant-42", 1, 1, false, false, 0));
		assertThat(claim(1)).as("the one slot is taken").isEmpty();

		ack(started, Kind.COMPLETED);
		ClaimedTask after = claimOne();
		assertThat(after.id()).isEqualTo(next);
		ack(after, Kind.COMPLETED);
		assertThat(this.redis.exists(key("gactive"))).as("no slot left counted").isZero();
		assertThat(this.manager.groups(QUEUE).list(10)).isEmpty();
	}

	@Test
	void aGroupLargerThanOneStepMergesWholeWithEveryTaskInItsPlace() {
		List<String> ids = enqueueSteps(1_230, (i) -> i, (i) -> (i % 41 == 0) ? "tenant-42" : "tenant-42-eu").stream()
			.map(TaskHandle::id)
			.toList();
		long waiting = this.manager.queueInfo(QUEUE).counts().waiting();

		assertThat(this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-42")).isEqualTo(1_200);
		assertThat(this.redis.zrange(key("g:tenant-42"), 0, -1)).containsExactlyElementsOf(ids);
		assertThat(this.redis.exists(key("g:tenant-42-eu"))).isZero();
		assertThat(this.manager.task(QUEUE, ids.get(1_229)).orElseThrow().group()).isEqualTo("tenant-42");
		assertThat(this.manager.queueInfo(QUEUE).counts().waiting()).isEqualTo(waiting).isEqualTo(1_230);
		assertThat(this.manager.groups(QUEUE).list(10))
			.containsExactly(new GroupInfo("tenant-42", 1_230, 0, false, false, 0));
	}

	@Test
	void tasksEnqueuedToAMergedGroupJoinTheGroupItWentInto() {
		String first = enqueue("a", "tenant-42-eu");
		this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-42");
		String second = enqueue("b", "tenant-42");
		String third = enqueue("c", "tenant-42-eu");

		assertThat(this.manager.task(QUEUE, third).orElseThrow().group()).isEqualTo("tenant-42");
		assertThat(this.manager.groups(QUEUE).list(10))
			.containsExactly(new GroupInfo("tenant-42", 3, 0, false, false, 0));
		List<String> order = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ClaimedTask task = claimOne();
			assertThat(claim(1)).as("one at a time").isEmpty();
			order.add(task.id());
			ack(task, Kind.COMPLETED);
		}
		assertThat(order).containsExactly(first, second, third);
	}

	@Test
	void aDelayedTaskOfTheMergedGroupJoinsTheGroupItWentIntoWhenDue() {
		String delayed = this.manager.enqueue("step", "later", grouped("tenant-42-eu").delay(Duration.ofMinutes(1)))
			.id();
		String waiting = enqueue("now", "tenant-42");
		this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-42");
		ClaimedTask started = claimOne();
		assertThat(started.id()).isEqualTo(waiting);

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(claim(1)).as("due, but its group's slot is taken").isEmpty();
		TaskInfo promoted = this.manager.task(QUEUE, delayed).orElseThrow();
		assertThat(promoted.state()).isEqualTo(TaskState.WAITING);
		assertThat(promoted.group()).isEqualTo("tenant-42");
		ack(started, Kind.COMPLETED);
		assertThat(claimOne().id()).isEqualTo(delayed);
	}

	@Test
	void aRetryHoldingTheMergedGroupHoldsTheGroupItWentInto() {
		String retried = this.manager.enqueue("step", "flaky", grouped("tenant-42-eu").maxAttempts(2)).id();
		ack(claimOne(), Kind.FAILED);
		String waiting = enqueue("next", "tenant-42");

		this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-42");
		assertThat(this.manager.groups(QUEUE).list(10))
			.containsExactly(new GroupInfo("tenant-42", 1, 0, false, true, 0));
		assertThat(claim(1)).as("held until the retry is due").isEmpty();
		this.clock.advance(Duration.ofMinutes(2));
		ClaimedTask retry = claimOne();
		assertThat(retry.id()).isEqualTo(retried);
		ack(retry, Kind.COMPLETED);
		assertThat(claimOne().id()).isEqualTo(waiting);
	}

	@Test
	void splittingByAKeyLetsThePartsRunSideBySideEachInItsOrder() {
		enqueueSteps(12, (i) -> "order" + (i % 3) + ":" + i, (i) -> "tenant-42");
		long waiting = this.manager.queueInfo(QUEUE).counts().waiting();

		// order0 stays in the group; the other orders get a group each.
		long moved = this.manager.groups(QUEUE)
			.split("tenant-42", (task) -> task.payloadJson().contains("order0") ? null
					: "tenant-42/" + orderOf(task.payloadJson()));
		assertThat(moved).isEqualTo(8);
		assertThat(this.manager.queueInfo(QUEUE).counts().waiting()).isEqualTo(waiting);
		assertThat(this.manager.groups(QUEUE).list(10)).extracting(GroupInfo::name, GroupInfo::waiting)
			.containsExactly(tuple("tenant-42", 4L), tuple("tenant-42/order1", 4L), tuple("tenant-42/order2", 4L));
		Map<String, List<Integer>> ranInOrder = new ConcurrentHashMap<>();
		for (int round = 0; round < 4; round++) {
			List<ClaimedTask> side = claim(3);
			assertThat(side).extracting((task) -> orderOf(task.payloadJson()))
				.as("one task of each part at once")
				.containsExactlyInAnyOrder("order0", "order1", "order2");
			for (ClaimedTask task : side) {
				ranInOrder.computeIfAbsent(orderOf(task.payloadJson()), (order) -> new ArrayList<>())
					.add(Integer.parseInt(task.payloadJson().replace("\"", "").split(":")[1]));
				ack(task, Kind.COMPLETED);
			}
		}
		assertThat(ranInOrder).hasSize(3).allSatisfy((order, steps) -> assertThat(steps).isSorted().hasSize(4));
	}

	@Test
	void splitLeavesATaskThatStartedMeanwhileInItsGroup() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(enqueue("step" + i, "tenant-42"));
		}
		List<ClaimedTask> startedMeanwhile = new ArrayList<>();
		long moved = this.manager.groups(QUEUE).split("tenant-42", (task) -> {
			if (startedMeanwhile.isEmpty()) {
				startedMeanwhile.addAll(claim(1));
			}
			return "tenant-42/other";
		});

		assertThat(moved).isEqualTo(2);
		assertThat(startedMeanwhile).extracting(ClaimedTask::id).containsExactly(ids.get(0));
		assertThat(this.manager.task(QUEUE, ids.get(0)).orElseThrow().group()).isEqualTo("tenant-42");
		assertThat(this.manager.groups(QUEUE).list(10)).containsExactly(
				new GroupInfo("tenant-42", 0, 1, false, false, 0),
				new GroupInfo("tenant-42/other", 2, 0, false, false, 0));
		ack(startedMeanwhile.get(0), Kind.COMPLETED);
		assertThat(claimOne().id()).isEqualTo(ids.get(1));
		assertThat(this.redis.hget(key("gactive"), "tenant-42")).isNull();
	}

	@Test
	void aGroupLargerThanOnePageSplitsWholeAndNoneOfItsTasksStartsMeanwhile() {
		enqueueSteps(1_100, (i) -> "order" + (i % 3) + ":" + i, (i) -> "tenant-42");
		AtomicInteger asked = new AtomicInteger();
		List<ClaimedTask> startedMeanwhile = new ArrayList<>();
		long moved = this.manager.groups(QUEUE).split("tenant-42", (task) -> {
			if (asked.incrementAndGet() == GroupSplit.PAGE + 1) {
				// The first page's parts run; the rest of the group must not, even when a
				// task enqueued to it meanwhile would otherwise bring it back in line.
				enqueue("order0:new", "tenant-42");
				startedMeanwhile.addAll(claim(10));
			}
			return task.payloadJson().contains("order0") ? null : "tenant-42/" + orderOf(task.payloadJson());
		});

		assertThat(moved).isEqualTo(733);
		assertThat(startedMeanwhile).hasSize(2)
			.allSatisfy((task) -> assertThat(orderOf(task.payloadJson())).isNotEqualTo("order0"));
		assertThat(this.redis.exists(key("gsplitting"))).isZero();
		assertThat(this.manager.queueInfo(QUEUE).counts().waiting()).isEqualTo(1_099);
		assertThat(claim(10)).extracting((task) -> orderOf(task.payloadJson())).contains("order0");
	}

	@Test
	void aSplitThatFailsHalfWayEndsWithTheTasksMovedSoFarAndTheGroupTakesTurnsAgain() {
		String head = enqueueSteps(GroupSplit.PAGE + 10, (i) -> "order1:" + i, (i) -> "tenant-42").get(0).id();
		AtomicInteger asked = new AtomicInteger();

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.manager.groups(QUEUE).split("tenant-42", (task) -> {
				if (asked.incrementAndGet() > GroupSplit.PAGE) {
					throw new IllegalStateException("no key for " + task.id());
				}
				return (asked.get() == 1) ? null : "tenant-42/order1";
			}));
		assertThat(this.redis.exists(key("gsplitting"))).isZero();
		assertThat(this.manager.groups(QUEUE).list(10)).containsExactly(
				new GroupInfo("tenant-42", 11, 0, false, false, 0),
				new GroupInfo("tenant-42/order1", GroupSplit.PAGE - 1, 0, false, false, 0));
		assertThat(claim(2)).extracting(ClaimedTask::id).contains(head);
	}

	@Test
	void badNamesAndMergesThatWouldLoopAreRefusedNamingTheGroups() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.manager.groups(QUEUE).merge("tenant-42", "tenant-42"))
			.withMessageContaining("into itself");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.manager.groups(QUEUE).merge("", "tenant-42"))
			.withMessageContaining("group must be 1 to 200 characters");
		this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-42");
		assertThat(this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-42")).as("again: finishes, if anything")
			.isZero();
		assertThatExceptionOfType(QueueException.class)
			.isThrownBy(() -> this.manager.groups(QUEUE).merge("tenant-42-eu", "tenant-7"))
			.withMessageContaining("was merged into 'tenant-42' already");
		assertThatExceptionOfType(QueueException.class)
			.isThrownBy(() -> this.manager.groups(QUEUE).merge("tenant-42", "tenant-42-eu"))
			.withMessageContaining("into itself");
		assertThatExceptionOfType(QueueException.class)
			.isThrownBy(() -> this.manager.groups(QUEUE).split("tenant-42-eu", (task) -> null))
			.withMessageContaining("split 'tenant-42' instead");

		String waiting = enqueue("a", "tenant-42");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.manager.groups(QUEUE).split("tenant-42", (task) -> "bad\n"))
			.withMessageContaining("task " + waiting);
		assertThat(claimOne().id()).as("the group still takes its turns").isEqualTo(waiting);
	}

	private static String orderOf(String payloadJson) {
		return payloadJson.replace("\"", "").split(":")[0];
	}

	private static TaskOptions grouped(String group) {
		return TaskOptions.defaults().queue(QUEUE).group(group);
	}

	private String enqueue(String payload, String group) {
		return this.manager.enqueue("step", payload, grouped(group)).id();
	}

	private List<ClaimedTask> claim(int count) {
		return this.store.claim(QUEUE, count, LEASE, "test-worker").tasks();
	}

	private ClaimedTask claimOne() {
		List<ClaimedTask> tasks = claim(1);
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	private void ack(ClaimedTask task, Kind kind) {
		long retryAt = this.clock.millis() + Duration.ofMinutes(1).toMillis();
		this.store.ack(QUEUE, List.of(new Outcome(QUEUE, task.id(), task.token(), kind, "", retryAt)),
				Retention.defaults());
	}

	/**
	 * Enqueues {@code count} steps in one batch, the payload and group of each made from
	 * its index.
	 */
	private List<TaskHandle<Object>> enqueueSteps(int count, IntFunction<Object> payload, IntFunction<String> group) {
		List<TaskRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(TaskRequest.of("step", payload.apply(i), grouped(group.apply(i))));
		}
		return this.manager.enqueueAll(requests);
	}

	private static String key(String kind) {
		return "cleo:{" + QUEUE + "}:" + kind;
	}

	private QueueManager manager() {
		return this.managers.build((builder) -> builder.clock(this.clock));
	}

}
