/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@QueueManagerTest
class TaskListingTests {

	private static final String QUEUE = "lists";

	private static final TaskOptions LISTS = TaskOptions.defaults().queue(QUEUE);

	private final CountDownLatch release = new CountDownLatch(1);

	private QueueManager manager;

	private QueueTasks tasks;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.tasks = manager.tasks(QUEUE);
		manager.register("job", (task) -> null);
		manager.register("hold", (task) -> this.release.await(10, TimeUnit.SECONDS));
		manager.register("fail", (task) -> {
			throw new IllegalStateException("broken on purpose");
		});
	}

	@AfterEach
	void releaseHeldTasks() {
		this.release.countDown();
	}

	@Test
	void waitingTasksAreListedUngroupedFirstThenByGroupAndNewestFirstInReverse() {
		String low = enqueue("job", LISTS);
		String high = enqueue("job", LISTS.priority(TaskPriority.HIGH));
		String a1 = enqueue("job", LISTS.group("a"));
		String b1 = enqueue("job", LISTS.group("b"));
		String a2 = enqueue("job", LISTS.group("a"));
		String paused = enqueue("job", LISTS.group("c"));
		this.manager.groups(QUEUE).group("c").pause();
		List<String> oldestFirst = ids(TaskState.WAITING, TaskListRequest.oldestFirst(100));
		assertThat(oldestFirst).containsExactly(high, low, a1, a2, b1, paused);
		assertThat(ids(TaskState.WAITING, TaskListRequest.newestFirst(100))).containsExactly(paused, b1, a2, a1, low,
				high);
		ListedTask first = this.tasks.list(TaskState.WAITING, TaskListRequest.oldestFirst(1)).tasks().get(0);
		assertThat(first.task().state()).isEqualTo(TaskState.WAITING);
		assertThat(first.task().queue()).isEqualTo(QUEUE);
		assertThat(first.dueAt()).isNull();
		assertThat(first.owner()).isNull();
		assertThat(first.running()).isNull();
	}

	@Test
	void pagingThroughTwentyFiveWaitingTasksTenAtATimeShowsEachOnceInOrder() {
		for (int i = 0; i < 25; i++) {
			enqueue("job", (i % 3 == 0) ? LISTS : LISTS.group("g" + (i % 3)));
		}
		for (TaskListRequest first : List.of(TaskListRequest.oldestFirst(10), TaskListRequest.newestFirst(10))) {
			List<List<String>> pages = pages(TaskState.WAITING, first);
			assertThat(pages).extracting(List::size).containsExactly(10, 10, 5);
			assertThat(pages.stream().flatMap(List::stream))
				.containsExactlyElementsOf(ids(TaskState.WAITING, new TaskListRequest(first.order(), 1000, null)));
		}
	}

	@Test
	void aPageGoesOnAfterItsLastTaskWhenThatTaskAndOthersLeftMeanwhile() {
		Instant due = Instant.now().plus(1, ChronoUnit.HOURS);
		for (int i = 0; i < 25; i++) {
			enqueue("job", LISTS.runAt(due));
		}
		List<String> all = ids(TaskState.DELAYED, TaskListRequest.oldestFirst(1000));
		TaskPage first = this.tasks.list(TaskState.DELAYED, TaskListRequest.oldestFirst(10));
		assertThat(first.tasks()).extracting((listed) -> listed.task().id())
			.containsExactlyElementsOf(all.subList(0, 10));
		this.manager.cancel(QUEUE, all.get(9));
		this.manager.cancel(QUEUE, all.get(12));
		TaskPage second = this.tasks.list(TaskState.DELAYED, TaskListRequest.oldestFirst(10).after(first.nextCursor()));
		List<String> expected = new ArrayList<>(all.subList(10, 21));
		expected.remove(all.get(12));
		assertThat(second.tasks()).extracting((listed) -> listed.task().id()).containsExactlyElementsOf(expected);
		TaskPage newest = this.tasks.list(TaskState.DELAYED, TaskListRequest.newestFirst(14));
		assertThat(newest.tasks()).last().satisfies((listed) -> assertThat(listed.task().id()).isEqualTo(all.get(10)));
		this.manager.cancel(QUEUE, all.get(10));
		TaskPage older = this.tasks.list(TaskState.DELAYED, TaskListRequest.newestFirst(14).after(newest.nextCursor()));
		List<String> rest = new ArrayList<>(all.subList(0, 9));
		Collections.reverse(rest);
		assertThat(older.tasks()).extracting((listed) -> listed.task().id()).containsExactlyElementsOf(rest);
		assertThat(older.nextCursor()).isNull();
	}

	@Test
	void delayedTasksShowTheirDueTimeSoonestFirst() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String later = enqueue("job", LISTS.runAt(now.plusSeconds(7200)));
		String sooner = enqueue("job", LISTS.runAt(now.plusSeconds(3600)));
		enqueue("job", LISTS);
		List<ListedTask> delayed = this.tasks.list(TaskState.DELAYED, TaskListRequest.oldestFirst(10)).tasks();
		assertThat(delayed).extracting((listed) -> listed.task().id()).containsExactly(sooner, later);
		assertThat(delayed).extracting(ListedTask::dueAt).containsExactly(now.plusSeconds(3600), now.plusSeconds(7200));
		assertThat(ids(TaskState.DELAYED, TaskListRequest.newestFirst(10))).containsExactly(later, sooner);
	}

	@Test
	void activeTasksShowTheirLeaseOwnerAndHowLongTheyHaveRun() {
		WorkerPool pool = this.manager
			.startWorkers(WorkerPoolOptions.builder().name("listing").queue(QUEUE).concurrency(2).build());
		Instant before = Instant.now();
		String one = enqueue("hold", LISTS);
		String two = enqueue("hold", LISTS);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.manager.counts(QUEUE).active() == 2);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.tasks.list(TaskState.ACTIVE, TaskListRequest.oldestFirst(10))
				.tasks()
				.stream()
				.allMatch((listed) -> listed.running().toMillis() >= 50));
		List<ListedTask> active = this.tasks.list(TaskState.ACTIVE, TaskListRequest.oldestFirst(10)).tasks();
		Duration elapsed = Duration.between(before, Instant.now());
		assertThat(active).extracting((listed) -> listed.task().id()).containsExactlyInAnyOrder(one, two);
		assertThat(active).allSatisfy((listed) -> {
			assertThat(listed.task().state()).isEqualTo(TaskState.ACTIVE);
			assertThat(listed.ownerPool()).isEqualTo(pool.options().name());
			assertThat(listed.ownerInstance()).isNotBlank();
			assertThat(listed.owner()).isEqualTo(listed.ownerInstance() + "/listing");
			assertThat(listed.running()).isBetween(Duration.ofMillis(50), elapsed);
			assertThat(listed.dueAt()).isNull();
		});
	}

	@Test
	void finishedTasksAreListedWithCancelledOnesAndDeadOnesApartWithTheirError() {
		String cancelled = enqueue("job", LISTS.delay(Duration.ofHours(1)));
		this.manager.cancel(QUEUE, cancelled);
		this.manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).concurrency(1).build());
		String completed = enqueue("job", LISTS);
		String dead = enqueue("fail", LISTS.maxAttempts(1));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.manager.counts(QUEUE).dead() == 1
					&& this.manager.task(QUEUE, completed).orElseThrow().state() == TaskState.COMPLETED);
		List<ListedTask> finished = this.tasks.list(TaskState.COMPLETED, TaskListRequest.oldestFirst(10)).tasks();
		assertThat(finished).extracting((listed) -> listed.task().id()).containsExactlyInAnyOrder(cancelled, completed);
		assertThat(finished).extracting((listed) -> listed.task().state())
			.containsExactlyInAnyOrder(TaskState.CANCELLED, TaskState.COMPLETED);
		List<String> newestFirst = new ArrayList<>(ids(TaskState.COMPLETED, TaskListRequest.newestFirst(10)));
		Collections.reverse(newestFirst);
		assertThat(newestFirst).containsExactlyElementsOf(ids(TaskState.COMPLETED, TaskListRequest.oldestFirst(10)));
		List<ListedTask> deadTasks = this.tasks.list(TaskState.DEAD, TaskListRequest.newestFirst(10)).tasks();
		assertThat(deadTasks).singleElement().satisfies((listed) -> {
			assertThat(listed.task().id()).isEqualTo(dead);
			assertThat(listed.task().state()).isEqualTo(TaskState.DEAD);
			assertThat(listed.task().lastError()).contains("broken on purpose");
		});
	}

	@Test
	void anEmptyQueueGivesEmptyPagesWithoutACursor() {
		for (TaskState state : List.of(TaskState.WAITING, TaskState.ACTIVE, TaskState.DELAYED, TaskState.COMPLETED,
				TaskState.DEAD)) {
			for (TaskListRequest request : List.of(TaskListRequest.oldestFirst(10), TaskListRequest.newestFirst(10))) {
				TaskPage page = this.tasks.list(state, request);
				assertThat(page.tasks()).as("%s %s", state, request.order()).isEmpty();
				assertThat(page.nextCursor()).isNull();
			}
		}
	}

	@Test
	void limitsOutsideOneToAThousandAreRefusedNamingTheRange() {
		for (int limit : new int[] { 0, 1001 }) {
			assertThatExceptionOfType(InvalidTaskOptionException.class)
				.isThrownBy(() -> TaskListRequest.oldestFirst(limit))
				.withMessage("limit must be between 1 and 1000, was " + limit);
		}
	}

	@Test
	void aCursorThatNoPageOfTheListingHandedOutIsRefused() {
		for (int i = 0; i < 3; i++) {
			enqueue("job", LISTS);
		}
		String waiting = this.tasks.list(TaskState.WAITING, TaskListRequest.oldestFirst(1)).nextCursor();
		assertThat(waiting).isNotNull();
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.tasks.list(TaskState.WAITING, TaskListRequest.oldestFirst(1).after("garbage")))
			.withMessage("cursor must be null (first page) or the nextCursor of a page of the waiting oldest-first "
					+ "listing");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.tasks.list(TaskState.DEAD, TaskListRequest.oldestFirst(1).after(waiting)))
			.withMessageContaining("dead oldest-first");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.tasks.list(TaskState.WAITING, TaskListRequest.newestFirst(1).after(waiting)))
			.withMessageContaining("waiting newest-first");
	}

	@Test
	void statesWithoutAListOfTheirOwnAreRefusedNamingTheListedOnes() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.tasks.list(TaskState.FAILED, TaskListRequest.oldestFirst(10)))
			.withMessageStartingWith("state must be waiting, active, delayed, completed or dead, was failed");
	}

	private String enqueue(String name, TaskOptions options) {
		return this.manager.enqueue(name, null, options).id();
	}

	private List<String> ids(TaskState state, TaskListRequest request) {
		return this.tasks.list(state, request).tasks().stream().map((listed) -> listed.task().id()).toList();
	}

	private List<List<String>> pages(TaskState state, TaskListRequest first) {
		List<List<String>> pages = new ArrayList<>();
		String cursor = null;
		do {
			TaskPage page = this.tasks.list(state, first.after(cursor));
			pages.add(page.tasks().stream().map((listed) -> listed.task().id()).toList());
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return pages;
	}

}
