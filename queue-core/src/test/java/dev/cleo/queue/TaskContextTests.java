/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a handler can do through its {@link TaskContext}: report progress, log, enqueue
 * children and read typed payloads.
 */
@QueueManagerTest
class TaskContextTests {

	private static final TaskOptions REPORTS = TaskOptions.defaults().queue("reports");

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.maxLogLines(5));
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("reports").build());
	}

	@Test
	void progressIsStoredWhileTheTaskRunsAndPublished() {
		List<TaskEvent> progress = new CopyOnWriteArrayList<>();
		this.manager.onTaskEvent(progress::add, ObserverEvent.PROGRESS);
		CountDownLatch release = new CountDownLatch(1);
		this.manager.register("render", (task) -> {
			task.progress(50);
			return release.await(10, TimeUnit.SECONDS);
		});
		TaskHandle<Object> handle = this.manager.enqueue("render", null, REPORTS);
		try {
			TaskInfo running = await().atMost(Duration.ofSeconds(5))
				.until(() -> handle.info().orElseThrow(), (info) -> info.progress() != null && !progress.isEmpty());
			assertThat(running.progress()).isEqualTo(50);
			assertThat(running.state()).isEqualTo(TaskState.ACTIVE);
			assertThat(progress).singleElement().satisfies((event) -> {
				assertThat(event.taskId()).isEqualTo(handle.id());
				assertThat(event.detail()).isEqualTo("50");
			});
		}
		finally {
			release.countDown();
		}
		awaitCompleted(handle);
		assertThat(handle.info().orElseThrow().progress()).isEqualTo(50);
	}

	@Test
	void logLinesAreStoredAndTrimmedToTheNewestMaxLogLines() {
		this.manager.register("render", (task) -> {
			for (int i = 1; i <= 8; i++) {
				task.log("step " + i);
			}
			return null;
		});
		TaskHandle<Object> handle = this.manager.enqueue("render", null, REPORTS);
		awaitCompleted(handle);
		List<String> logs = this.manager.taskLogs("reports", handle.id());
		assertThat(logs).hasSize(5);
		for (int i = 0; i < 5; i++) {
			assertThat(logs.get(i)).endsWith("[attempt 1] step " + (i + 4));
			assertThat(Instant.parse(logs.get(i).substring(0, logs.get(i).indexOf(' ')))).isNotNull();
		}
	}

	@Test
	void childTaskRunsOnTheParentsQueueByDefault() {
		AtomicReference<String> childQueue = new AtomicReference<>();
		this.manager.register("parent", (task) -> task.enqueue("child", task.payload(String.class) + "-child").id());
		this.manager.register("child", (task) -> {
			childQueue.set(task.queue());
			return task.payload(String.class);
		});
		TaskHandle<Object> parent = this.manager.enqueue("parent", "report-7", REPORTS);
		awaitCompleted(parent);
		String childId = parent.<String>withResultType(String.class).result().orElseThrow();
		TaskInfo child = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.manager.task("reports", childId).orElse(null),
					(info) -> info != null && info.state() == TaskState.COMPLETED);
		assertThat(childQueue).hasValue("reports");
		assertThat(child.name()).isEqualTo("child");
		assertThat(child.resultJson()).isEqualTo("\"report-7-child\"");
	}

	@Test
	void currentContextIsTheRunningTasksOnItsThreadOnly() {
		AtomicReference<String> seenId = new AtomicReference<>();
		this.manager.register("deep", (task) -> {
			// Code that gets no context parameter finds it on the worker thread.
			TaskContext current = TaskContext.current().orElseThrow();
			seenId.set(current.id());
			current.log("from a helper");
			return null;
		});
		TaskHandle<Object> handle = this.manager.enqueue("deep", null, REPORTS);
		awaitCompleted(handle);
		assertThat(seenId).hasValue(handle.id());
		assertThat(this.manager.taskLogs("reports", handle.id())).singleElement().asString().endsWith("from a helper");
		assertThat(TaskContext.current()).isEmpty();
	}

	@Test
	void payloadIsReadAsARecord() {
		AtomicReference<Order> received = new AtomicReference<>();
		this.manager.register("ship", (task) -> {
			received.set(task.payload(Order.class));
			return null;
		});
		Order order = new Order("o-9", 3, new Address("Lyon", "69001"), List.of("fragile", "gift"),
				Instant.parse("2026-03-01T10:15:30Z"));
		awaitCompleted(this.manager.enqueue("ship", order, REPORTS));
		assertThat(received).hasValue(order);
	}

	private void awaitCompleted(TaskHandle<?> handle) {
		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
	}

	record Address(String city, String zip) {
	}

	record Order(String id, int quantity, Address shipTo, List<String> tags, Instant placedAt) {
	}

}
