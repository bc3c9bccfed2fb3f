/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static dev.cleo.queue.event.ObserverEvent.COMPLETED;
import static dev.cleo.queue.event.ObserverEvent.CREATED;
import static dev.cleo.queue.event.ObserverEvent.DEAD;
import static dev.cleo.queue.event.ObserverEvent.FAILED;
import static dev.cleo.queue.event.ObserverEvent.PROGRESS;
import static dev.cleo.queue.event.ObserverEvent.RETRIED;
import static dev.cleo.queue.event.ObserverEvent.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Task events and their listeners. The life-cycle tests enqueue before the pool starts:
 * {@code CREATED} is published when the enqueue's reply arrives, so a worker of the same
 * instance can publish {@code STARTED} first (11 of 1,500 tasks when measured here).
 */
@QueueManagerTest
class TaskEventsTests {

	private static final TaskOptions JOBS = TaskOptions.defaults()
		.queue("jobs")
		.backoff(Backoff.fixed(Duration.ofMillis(20)));

	private final List<TaskEvent> events = new CopyOnWriteArrayList<>();

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("quick", (task) -> "ok");
		this.manager.register("flaky", (task) -> {
			if (task.attempt() == 1) {
				throw new IllegalStateException("first try fails");
			}
			task.progress(50);
			return "ok";
		});
		this.manager.register("doomed", (task) -> {
			throw new IllegalStateException("always fails");
		});
	}

	@Test
	void taskThatFailsOnceThenSucceedsEmitsItsEventsInOrder() {
		TaskHandle<Object> handle = runWatchingEveryEvent("flaky", 3, COMPLETED);
		assertThat(eventsOf(handle)).extracting(TaskEvent::type, TaskEvent::attempt)
			.containsExactly(tuple(CREATED, 0), tuple(STARTED, 1), tuple(FAILED, 1), tuple(RETRIED, 1),
					tuple(STARTED, 2), tuple(PROGRESS, 2), tuple(COMPLETED, 2));
		assertThat(eventsOf(handle)).allSatisfy((event) -> {
			assertThat(event.queue()).isEqualTo("jobs");
			assertThat(event.taskName()).isEqualTo("flaky");
			assertThat(event.at()).isNotNull();
		});
		assertThat(detailOf(handle, FAILED)).startsWith("java.lang.IllegalStateException: first try fails\n\tat ");
		assertThat(detailOf(handle, PROGRESS)).isEqualTo("50");
		assertThat(eventsOf(handle).get(6).duration()).isNotNull();
	}

	@Test
	void taskThatRunsOutOfAttemptsEmitsItsEventsInOrder() {
		TaskHandle<Object> handle = runWatchingEveryEvent("doomed", 2, DEAD);
		assertThat(eventsOf(handle)).extracting(TaskEvent::type, TaskEvent::attempt)
			.containsExactly(tuple(CREATED, 0), tuple(STARTED, 1), tuple(FAILED, 1), tuple(RETRIED, 1),
					tuple(STARTED, 2), tuple(FAILED, 2), tuple(DEAD, 2));
		assertThat(detailOf(handle, DEAD)).startsWith("java.lang.IllegalStateException: always fails\n\tat ");
	}

	@Test
	void listenerReceivesOnlyTheEventsItAskedFor() {
		startWorkers();
		this.manager.onTaskEvent(this.events::add, COMPLETED);
		TaskHandle<Object> handle = this.manager.enqueue("quick", null, JOBS);
		awaitEvent(handle, COMPLETED);
		assertThat(eventsOf(handle)).extracting(TaskEvent::type).containsExactly(COMPLETED);
	}

	@Test
	void closedSubscriptionReceivesNothingMore() throws Exception {
		startWorkers();
		List<TaskEvent> closed = new CopyOnWriteArrayList<>();
		AutoCloseable subscription = this.manager.onTaskEvent(closed::add);
		this.manager.onTaskEvent(this.events::add);
		TaskHandle<Object> before = this.manager.enqueue("quick", null, JOBS);
		awaitEvent(before, COMPLETED);
		assertThat(closed).extracting(TaskEvent::type).containsExactlyInAnyOrder(CREATED, STARTED, COMPLETED);
		subscription.close();
		TaskHandle<Object> after = this.manager.enqueue("quick", null, JOBS);
		awaitEvent(after, COMPLETED);
		assertThat(closed).extracting(TaskEvent::taskId).containsOnly(before.id());
	}

	@Test
	void listenerThatThrowsDoesNotAffectTheTaskOrOtherListeners() {
		startWorkers();
		this.manager.onTaskEvent((event) -> {
			throw new IllegalStateException("listener bug");
		});
		this.manager.onTaskEvent(this.events::add);
		TaskHandle<Object> handle = this.manager.enqueue("quick", null, JOBS);
		awaitEvent(handle, COMPLETED);
		TaskInfo info = handle.info().orElseThrow();
		assertThat(info.state()).isEqualTo(TaskState.COMPLETED);
		assertThat(info.attempts()).isOne();
		assertThat(info.resultJson()).isEqualTo("\"ok\"");
		assertThat(eventsOf(handle)).extracting(TaskEvent::type).containsExactlyInAnyOrder(CREATED, STARTED, COMPLETED);
	}

	@Test
	void listenerThatThrowsACheckedExceptionDoesNotAffectTheTaskOrLaterTasks() {
		startWorkers();
		this.manager
			.onTaskEvent((event) -> TaskEventsTests.<RuntimeException>sneakyThrow(new IOException("metrics down")));
		this.manager.onTaskEvent(this.events::add);
		TaskHandle<Object> first = this.manager.enqueue("quick", null, JOBS);
		awaitEvent(first, COMPLETED);
		TaskHandle<Object> second = this.manager.enqueue("quick", null, JOBS);
		awaitEvent(second, COMPLETED);
		assertThat(first.state()).contains(TaskState.COMPLETED);
		assertThat(second.state()).contains(TaskState.COMPLETED);
	}

	@Test
	void startedEventCarriesTheQueueWait(QueueManagers managers) {
		TaskHandle<Object> handle = this.manager.enqueue("quick", null, JOBS);
		// A worker instance whose clock runs a minute ahead sees the task as having
		// waited
		// a minute: the wait is measured from when the task became due, not from the
		// claim.
		Clock aMinuteLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
		try (QueueManager later = managers.build((builder) -> builder.clock(aMinuteLater))) {
			later.register("quick", (task) -> "ok");
			later.onTaskEvent(this.events::add, STARTED);
			later.startWorkers(WorkerPoolOptions.builder().queue("jobs").build());
			awaitEvent(handle, STARTED);
		}
		assertThat(eventsOf(handle).get(0).duration()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(70));
	}

	private void startWorkers() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").build());
	}

	/** Runs one task with every event type observed, until its {@code last} event. */
	private TaskHandle<Object> runWatchingEveryEvent(String task, int maxAttempts, ObserverEvent last) {
		this.manager.onTaskEvent(this.events::add, CREATED, STARTED, PROGRESS, COMPLETED, FAILED, RETRIED, DEAD);
		TaskHandle<Object> handle = this.manager.enqueue(task, null, JOBS.maxAttempts(maxAttempts));
		startWorkers();
		awaitEvent(handle, last);
		return handle;
	}

	private void awaitEvent(TaskHandle<Object> handle, ObserverEvent type) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> eventsOf(handle).stream().anyMatch((event) -> event.type() == type));
	}

	private List<TaskEvent> eventsOf(TaskHandle<Object> handle) {
		return this.events.stream().filter((event) -> event.taskId().equals(handle.id())).toList();
	}

	private String detailOf(TaskHandle<Object> handle, ObserverEvent type) {
		return eventsOf(handle).stream().filter((event) -> event.type() == type).findFirst().orElseThrow().detail();
	}

	/**
	 * Throws a checked exception the compiler does not see, as a Kotlin listener can.
	 */
	@SuppressWarnings("unchecked")
	private static <E extends Throwable> void sneakyThrow(Throwable ex) throws E {
		throw (E) ex;
	}

}
