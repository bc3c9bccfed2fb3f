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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.group.GroupFullException;
import dev.cleo.queue.group.GroupInfo;
import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The limits a queue puts on its groups, on real workers: the order within a group (FIFO,
 * LIFO, task priority), a group's maximum size (refusing or dropping the oldest) and a
 * group's rate limit across instances.
 */
@QueueManagerTest
class GroupLimitsTests {

	@Test
	void lifoRunsTheNewestTaskOfAGroupFirst(QueueManager manager) {
		manager.groups("q").setOrder(GroupOrder.LIFO);
		manager.enqueueAll(marks("q", "g", "a1", "a2", "a3", "a4"));

		assertThat(runAll(manager, "q", 4)).containsExactly("a4", "a3", "a2", "a1");
		assertThat(manager.groups("q").order()).isEqualTo(GroupOrder.LIFO);
	}

	@Test
	void priorityOrderRunsAGroupsMostUrgentTaskFirstThenOldestFirst(QueueManager manager) {
		manager.groups("q").setOrder(GroupOrder.PRIORITY);
		List<TaskRequest> requests = new ArrayList<>();
		requests.add(mark("q", "g", "low1", TaskPriority.LOW));
		requests.add(mark("q", "g", "normal1"));
		requests.add(mark("q", "g", "high1", TaskPriority.HIGH));
		requests.add(mark("q", "g", "normal2"));
		requests.add(mark("q", "g", "high2", TaskPriority.HIGH));
		manager.enqueueAll(requests);

		assertThat(runAll(manager, "q", 5)).containsExactly("high1", "high2", "normal1", "normal2", "low1");
	}

	@Test
	void aRetryGoesBackToTheHeadOfItsGroupWhateverTheOrder(QueueManager manager) {
		manager.groups("q").setOrder(GroupOrder.LIFO);
		TaskOptions options = TaskOptions.defaults()
			.queue("q")
			.group("g")
			.maxAttempts(2)
			.backoff(Backoff.fixed(Duration.ofMillis(100)));
		manager.enqueueAll(List.of(TaskRequest.of("flaky", "x1", options), TaskRequest.of("flaky", "x2", options),
				TaskRequest.of("flaky", "x3", options)));
		List<String> attempts = new CopyOnWriteArrayList<>();
		manager.register("flaky", (task) -> {
			String name = task.payload(String.class);
			attempts.add(name + "#" + task.attempt());
			if (name.equals("x3") && task.attempt() == 1) {
				throw new IllegalStateException("first attempt fails");
			}
			return null;
		});
		manager.startWorkers(WorkerPoolOptions.builder().queue("q").concurrency(2).build());

		await().atMost(Duration.ofSeconds(30)).until(() -> attempts.size() == 4);
		// Under LIFO a retry scored like a new arrival would run last; it goes back to
		// the
		// head instead, so the group holds its order across the retry.
		assertThat(attempts).containsExactly("x3#1", "x3#2", "x2#1", "x1#1");
	}

	@Test
	void theOrderCanChangeOnlyWhileNoGroupedTaskWaits(QueueManager manager) {
		manager.enqueue("mark", "a1", TaskOptions.defaults().queue("q").group("g"));

		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> manager.groups("q").setOrder(GroupOrder.LIFO))
			.withMessageContaining("group order of queue 'q'")
			.withMessageContaining("only while no grouped task waits, and 1 wait");
		manager.groups("q").setOrder(GroupOrder.FIFO);
		assertThat(manager.groups("q").order()).isEqualTo(GroupOrder.FIFO);
		runAll(manager, "q", 1);
		manager.groups("q").setOrder(GroupOrder.LIFO);
		assertThat(manager.groups("q").order()).isEqualTo(GroupOrder.LIFO);
	}

	@Test
	void aFullGroupRefusesTheNextTaskNamingTheGroupAndItsMaximum(QueueManager manager) {
		manager.groups("q").setMaxSize(2);
		manager.enqueue("mark", "a1", TaskOptions.defaults().queue("q").group("g"));
		manager.enqueue("mark", "a2", TaskOptions.defaults().queue("q").group("g"));

		assertThatExceptionOfType(GroupFullException.class)
			.isThrownBy(() -> manager.enqueue("mark", "a3", TaskOptions.defaults().queue("q").group("g")))
			.withMessageContaining("group 'g' of queue 'q' is full")
			.withMessageContaining("maximum of 2 waiting tasks")
			.withMessageContaining("the task was not enqueued")
			.satisfies((refused) -> assertThat(refused.maxSize()).isEqualTo(2));
		// Other groups, ungrouped and delayed tasks are not bounded by g's size.
		manager.enqueue("mark", "b1", TaskOptions.defaults().queue("q").group("other"));
		manager.enqueue("mark", "later", TaskOptions.defaults().queue("q").group("g").delay(Duration.ofHours(1)));
		manager.enqueue("mark", "plain", TaskOptions.defaults().queue("q"));
		assertThat(manager.counts("q").waiting()).isEqualTo(4);
		assertThat(runAll(manager, "q", 4)).containsExactlyInAnyOrder("a1", "a2", "b1", "plain");
		// Room again once the group drained.
		manager.enqueue("mark", "a3", TaskOptions.defaults().queue("q").group("g"));
	}

	@Test
	void aBatchWithATaskForAFullGroupStoresNothing(QueueManager manager) {
		manager.groups("q").setMaxSize(3);
		manager.enqueueAll(marks("q", "g", "a1", "a2"));
		List<TaskRequest> batch = new ArrayList<>(marks("q", "other", "b1"));
		batch.addAll(marks("q", "g", "a3", "a4"));

		assertThatExceptionOfType(GroupFullException.class).isThrownBy(() -> manager.enqueueAll(batch))
			.withMessageContaining("group 'g' of queue 'q' is full")
			.withMessageContaining("no task of the batch was enqueued");
		assertThat(manager.counts("q").waiting()).isEqualTo(2);
		assertThat(manager.groups("q").list(10)).extracting(GroupInfo::name).containsExactly("g");
	}

	@Test
	void dropOldestKeepsTheNewestTasksAndEndsTheOldestAsDropped(QueueManager manager) throws Exception {
		manager.groups("q").setMaxSize(2);
		manager.groups("q").setOverflow(GroupOverflow.DROP_OLDEST);
		TaskOptions options = TaskOptions.defaults().queue("q").group("g").notifyOnFinish(true);
		TaskHandle<Object> oldest = manager.enqueue("mark", "a1", options);
		manager.enqueue("mark", "a2", options);
		manager.enqueue("mark", "a3", options);

		assertThat(oldest.state()).contains(TaskState.DROPPED);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> oldest.completion().get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(TaskFailedException.class);
		assertThat(manager.counts("q").waiting()).isEqualTo(2);
		assertThat(runAll(manager, "q", 2)).containsExactly("a2", "a3");
	}

	@Test
	void underPriorityOrderDropOldestDropsTheOldestOfTheLowestPriority(QueueManager manager) {
		manager.groups("q").setOrder(GroupOrder.PRIORITY);
		manager.groups("q").setMaxSize(3);
		manager.groups("q").setOverflow(GroupOverflow.DROP_OLDEST);
		TaskOptions options = TaskOptions.defaults().queue("q").group("g");
		manager.enqueue("mark", "high", options.priority(TaskPriority.HIGH));
		TaskHandle<Object> low1 = manager.enqueue("mark", "low1", options.priority(TaskPriority.LOW));
		manager.enqueue("mark", "low2", options.priority(TaskPriority.LOW));
		manager.enqueue("mark", "normal", options);

		assertThat(low1.state()).contains(TaskState.DROPPED);
		assertThat(runAll(manager, "q", 3)).containsExactly("high", "normal", "low2");
	}

	@Test
	void aGroupsOwnMaximumReplacesTheQueues(QueueManager manager) {
		manager.groups("q").setMaxSize(1);
		manager.groups("q").group("vip").setMaxSize(0);
		manager.groups("q").group("tiny").setMaxSize(2);
		manager.enqueueAll(marks("q", "vip", "v1", "v2", "v3"));
		manager.enqueueAll(marks("q", "tiny", "t1", "t2"));

		assertThatExceptionOfType(GroupFullException.class)
			.isThrownBy(() -> manager.enqueue("mark", "t3", TaskOptions.defaults().queue("q").group("tiny")))
			.withMessageContaining("maximum of 2");
		manager.groups("q").group("tiny").setMaxSize(-1);
		assertThatExceptionOfType(GroupFullException.class)
			.isThrownBy(() -> manager.enqueue("mark", "t3", TaskOptions.defaults().queue("q").group("tiny")))
			.withMessageContaining("maximum of 1");
		assertThat(manager.counts("q").waiting()).isEqualTo(5);
	}

	@Test
	void aRateLimitedGroupStartsAtMostItsLimitPerWindowAcrossInstancesWhileOthersGoOn(QueueManagers managers) {
		QueueManager producer = managers.build();
		producer.groups("q").setConcurrency(10);
		producer.groups("q").setRateLimit(GroupRateLimit.of(2, Duration.ofSeconds(1)));
		producer.groups("q").group("free").setRateLimit(GroupRateLimit.of(1000, Duration.ofMillis(1)));
		producer.enqueueAll(marks("q", "slow", "s1", "s2", "s3", "s4", "s5", "s6"));
		producer.enqueueAll(marks("q", "free", "f1", "f2", "f3", "f4", "f5", "f6"));
		Map<String, Long> startedAt = new ConcurrentHashMap<>();
		for (int instance = 0; instance < 2; instance++) {
			QueueManager worker = managers.build();
			worker.register("mark", (task) -> startedAt.put(task.payload(String.class), System.nanoTime()));
			worker.startWorkers(WorkerPoolOptions.builder().queue("q").concurrency(3).build());
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> startedAt.size() == 12);
		List<Long> slow = List.of("s1", "s2", "s3", "s4", "s5", "s6").stream().map(startedAt::get).sorted().toList();
		// Fixed windows of two starts: the third start after any start is in a later
		// window, a full period on (less a little for the handler's own start delay).
		for (int i = 0; i + 2 < slow.size(); i++) {
			assertThat(Duration.ofNanos(slow.get(i + 2) - slow.get(i))).isGreaterThan(Duration.ofMillis(900));
		}
		// The free group did not wait for the slow one's windows.
		long lastFree = List.of("f1", "f2", "f3", "f4", "f5", "f6")
			.stream()
			.mapToLong(startedAt::get)
			.max()
			.getAsLong();
		assertThat(lastFree).isLessThan(slow.get(2));
		assertThat(producer.groups("q").group("slow").rateLimit())
			.isEqualTo(GroupRateLimit.of(2, Duration.ofSeconds(1)));
	}

	@Test
	void limitsOutsideTheirRangesAreRefusedNamingTheRange(QueueManager manager) {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> GroupRateLimit.of(0, Duration.ofSeconds(1)))
			.withMessageContaining("at least 1, was 0");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> GroupRateLimit.of(5, Duration.ZERO))
			.withMessageContaining("between 1ms and 1 day");
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> manager.groups("q").setMaxSize(-1))
			.withMessageContaining("between 1 and 1000000000, or 0 for no maximum, was -1");
	}

	/**
	 * Starts one worker and returns the payloads of the first {@code count} tasks run.
	 */
	private List<String> runAll(QueueManager manager, String queue, int count) {
		List<String> order = new CopyOnWriteArrayList<>();
		manager.register("mark", (task) -> order.add(task.payload(String.class)));
		manager.startWorkers(WorkerPoolOptions.builder().queue(queue).concurrency(1).build());
		await().atMost(Duration.ofSeconds(30)).until(() -> order.size() >= count);
		return order;
	}

	private static List<TaskRequest> marks(String queue, String group, String... names) {
		return List.of(names).stream().map((name) -> mark(queue, group, name)).toList();
	}

	private static TaskRequest mark(String queue, String group, String name) {
		return TaskRequest.of("mark", name, TaskOptions.defaults().queue(queue).group(group));
	}

	private static TaskRequest mark(String queue, String group, String name, TaskPriority priority) {
		return TaskRequest.of("mark", name, TaskOptions.defaults().queue(queue).group(group).priority(priority));
	}

}
