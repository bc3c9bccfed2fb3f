/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.group.GroupInfo;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Grouped tasks on real workers: each group runs at most its group concurrency at once
 * across every instance (1 by default, which keeps the group's enqueue order), groups
 * take turns, ungrouped tasks are not held up by groups, and counts and cancelling see
 * grouped waiting tasks.
 */
@QueueManagerTest
class GroupSchedulingTests {

	private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

	private final Map<String, Integer> mostAtOnce = new ConcurrentHashMap<>();

	private final Map<String, List<Integer>> ranInOrder = new ConcurrentHashMap<>();

	private QueueManagers managers;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
	}

	@Test
	void eachGroupRunsOneTaskAtATimeInEnqueueOrderAcrossInstances() {
		QueueManager producer = manager();
		List<TaskRequest> requests = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			String group = "customer-" + (i % 20);
			requests
				.add(TaskRequest.of("step", new Step(group, i), TaskOptions.defaults().queue("orders").group(group)));
		}
		producer.enqueueAll(requests);
		for (int instance = 0; instance < 2; instance++) {
			QueueManager worker = manager();
			worker.register("step", this::recordStep);
			worker.startWorkers(WorkerPoolOptions.builder().queue("orders").concurrency(8).build());
		}

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ranInOrder.values().stream().mapToInt(List::size).sum() == 600);
		assertThat(this.mostAtOnce).hasSize(20).allSatisfy((group, most) -> assertThat(most).isEqualTo(1));
		assertThat(this.ranInOrder).allSatisfy((group, steps) -> assertThat(steps).isSorted().hasSize(30));
	}

	@Test
	void aGroupNeverRunsMoreThanItsGroupConcurrency() {
		QueueManager manager = manager();
		manager.groups("orders").setConcurrency(3);
		List<TaskRequest> requests = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			requests
				.add(TaskRequest.of("step", new Step("big", i), TaskOptions.defaults().queue("orders").group("big")));
		}
		manager.enqueueAll(requests);
		manager.register("step", this::recordStep);
		manager.startWorkers(WorkerPoolOptions.builder().queue("orders").concurrency(10).build());

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ranInOrder.getOrDefault("big", List.of()).size() == 200);
		assertThat(manager.groups("orders").concurrency()).isEqualTo(3);
		assertThat(this.mostAtOnce.get("big")).isBetween(2, 3);
	}

	@Test
	void groupsTakeTurnsAndUngroupedTasksAreNotHeldUp() {
		QueueManager manager = manager();
		List<String> order = new CopyOnWriteArrayList<>();
		List<TaskRequest> requests = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			requests.add(TaskRequest.of("mark", "flood", TaskOptions.defaults().queue("mixed").group("flood")));
		}
		requests.add(TaskRequest.of("mark", "small", TaskOptions.defaults().queue("mixed").group("small")));
		requests.add(TaskRequest.of("mark", "plain", TaskOptions.defaults().queue("mixed")));
		manager.enqueueAll(requests);
		manager.register("mark", (task) -> order.add(task.payload(String.class)));
		manager.startWorkers(WorkerPoolOptions.builder().queue("mixed").concurrency(1).build());

		await().atMost(Duration.ofSeconds(30)).until(() -> order.size() == 52);
		// One worker slot: the flood's group, the small group and the ungrouped task
		// alternate, so the latter two run among the first few, not after fifty.
		assertThat(order.indexOf("small")).isLessThan(4);
		assertThat(order.indexOf("plain")).isLessThan(4);
	}

	@Test
	void countsIncludeGroupedWaitingTasksAndCancellingOneRemovesIt() {
		QueueManager manager = manager();
		TaskHandle<Object> first = manager.enqueue("step", 1, TaskOptions.defaults().queue("orders").group("g"));
		manager.enqueue("step", 2, TaskOptions.defaults().queue("orders").group("g"));
		manager.enqueue("step", 3, TaskOptions.defaults().queue("orders"));

		assertThat(manager.counts("orders").waiting()).isEqualTo(3);
		manager.groups("orders").group("g").setPriority(7);
		assertThat(manager.groups("orders").list(10)).containsExactly(new GroupInfo("g", 2, 0, false, false, 7));
		assertThat(first.cancel()).isTrue();
		assertThat(manager.counts("orders").waiting()).isEqualTo(2);
	}

	@Test
	void aRetriedTaskHoldsItsGroupUntilItEnds() {
		assertThat(runWithOneRetry(true)).containsExactly("0#1", "0#2", "1#1", "2#1", "3#1");
	}

	@Test
	void aGroupMayMoveOnPastARetryWhenTheQueueSaysSo() {
		assertThat(runWithOneRetry(false)).containsExactly("0#1", "1#1", "2#1", "3#1", "0#2");
	}

	/** Runs four tasks of group g, the first failing once, and one of another group. */
	private List<String> runWithOneRetry(boolean groupHeldForRetries) {
		QueueManager manager = manager();
		manager.groups("orders").setHeldForRetries(groupHeldForRetries);
		List<String> attempts = new CopyOnWriteArrayList<>();
		TaskOptions options = TaskOptions.defaults()
			.queue("orders")
			.group("g")
			.maxAttempts(2)
			.backoff(Backoff.fixed(Duration.ofMillis(200)));
		List<TaskRequest> requests = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			requests.add(TaskRequest.of("flaky", i, options));
		}
		requests.add(TaskRequest.of("flaky", 100, TaskOptions.defaults().queue("orders").group("other")));
		manager.enqueueAll(requests);
		manager.register("flaky", (task) -> {
			int index = task.payload(Integer.class);
			attempts.add(index + "#" + task.attempt());
			if (index == 0 && task.attempt() == 1) {
				throw new IllegalStateException("first attempt fails");
			}
			return null;
		});
		manager.startWorkers(WorkerPoolOptions.builder().queue("orders").concurrency(4).build());

		await().atMost(Duration.ofSeconds(30)).until(() -> attempts.size() == 6);
		// The other group goes on either way.
		return attempts.stream().filter((attempt) -> !attempt.startsWith("100#")).toList();
	}

	@Test
	void roundRobinGivesTheNextGroupItsTurnWhileFifoRunsTheOldestTaskFirst() {
		assertThat(runOneAtATime("rr", null)).containsExactly("a1", "b1", "a2", "a3");
		assertThat(runOneAtATime("fifo", GroupProcessingStrategy.FIFO)).containsExactly("a1", "a2", "a3", "b1");
	}

	@Test
	void priorityRunsHigherGroupsFirstAndEqualOnesTakeTurns() {
		QueueManager manager = manager();
		// A group concurrency above one task at a time keeps every group in line, so the
		// order below does not depend on when an ack frees a group's slot.
		manager.groups("prio").setConcurrency(10);
		manager.groups("prio").setStrategy(GroupProcessingStrategy.PRIORITY);
		manager.groups("prio").group("high").setPriority(10);
		manager.groups("prio").group("other-high").setPriority(10);
		List<TaskRequest> requests = new ArrayList<>();
		for (String group : List.of("low", "high", "other-high")) {
			for (int i = 1; i <= 2; i++) {
				requests.add(TaskRequest.of("mark", group + i, TaskOptions.defaults().queue("prio").group(group)));
			}
		}
		List<String> order = new CopyOnWriteArrayList<>();
		manager.enqueueAll(requests);
		manager.register("mark", (task) -> order.add(task.payload(String.class)));
		manager.startWorkers(WorkerPoolOptions.builder().queue("prio").concurrency(1).build());

		await().atMost(Duration.ofSeconds(30)).until(() -> order.size() == 6);
		assertThat(manager.groups("prio").strategy()).isEqualTo(GroupProcessingStrategy.PRIORITY);
		assertThat(order.subList(0, 4)).containsExactly("high1", "other-high1", "high2", "other-high2");
		assertThat(order.subList(4, 6)).containsExactly("low1", "low2");
	}

	@Test
	void aPausedGroupWaitsWhileOthersRunAndGoesOnWhenResumed() {
		QueueManager manager = manager();
		manager.groups("orders").group("held").pause();
		List<TaskRequest> requests = new ArrayList<>();
		for (String name : List.of("held1", "held2", "free1")) {
			requests.add(TaskRequest.of("mark", name,
					TaskOptions.defaults().queue("orders").group(name.substring(0, name.length() - 1))));
		}
		List<String> ran = new CopyOnWriteArrayList<>();
		manager.enqueueAll(requests);
		manager.register("mark", (task) -> ran.add(task.payload(String.class)));
		manager.startWorkers(WorkerPoolOptions.builder().queue("orders").concurrency(2).build());

		await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("free1"));
		assertThat(manager.groups("orders").group("held").isPaused()).isTrue();
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> ran.size() == 1);
		assertThat(manager.groups("orders").list(10)).containsExactly(new GroupInfo("held", 2, 0, true, false, 0));
		manager.groups("orders").group("held").resume();
		await().atMost(Duration.ofSeconds(30)).until(() -> ran.size() == 3);
		assertThat(ran).containsExactly("free1", "held1", "held2");
		assertThat(manager.groups("orders").group("held").isPaused()).isFalse();
		assertThat(manager.groups("orders").list(10)).isEmpty();
	}

	private List<String> runOneAtATime(String queue, GroupProcessingStrategy strategy) {
		QueueManager manager = manager();
		manager.groups(queue).setConcurrency(10);
		if (strategy != null) {
			manager.groups(queue).setStrategy(strategy);
		}
		List<TaskRequest> requests = new ArrayList<>();
		for (String name : List.of("a1", "a2", "a3", "b1")) {
			requests.add(TaskRequest.of("mark", name, TaskOptions.defaults().queue(queue).group(name.substring(0, 1))));
		}
		List<String> order = new CopyOnWriteArrayList<>();
		manager.enqueueAll(requests);
		manager.register("mark", (task) -> order.add(task.payload(String.class)));
		manager.startWorkers(WorkerPoolOptions.builder().queue(queue).concurrency(1).build());
		await().atMost(Duration.ofSeconds(30)).until(() -> order.size() == 4);
		return order;
	}

	@Test
	void groupConcurrencyOutsideItsRangeIsRefusedNamingTheRange() {
		QueueManager manager = manager();
		org.assertj.core.api.Assertions.assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> manager.groups("orders").setConcurrency(0))
			.withMessageContaining("between 1 and 10000");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> manager.groups("orders").group("g").setPriority(1001))
			.withMessageContaining("between 0 and 1000");
	}

	private Object recordStep(TaskContext task) throws InterruptedException {
		Step step = task.payload(Step.class);
		int now = this.running.computeIfAbsent(step.group(), (group) -> new AtomicInteger()).incrementAndGet();
		this.mostAtOnce.merge(step.group(), now, Math::max);
		Thread.sleep(2);
		this.ranInOrder.computeIfAbsent(step.group(), (group) -> new CopyOnWriteArrayList<>()).add(step.index());
		this.running.get(step.group()).decrementAndGet();
		return null;
	}

	private QueueManager manager() {
		return this.managers.build();
	}

	record Step(String group, int index) {
	}

}
