/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.group.GroupFullException;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@QueueManagerTest
class DeduplicationTests {

	private static final Clock CLOCK = Clock.systemUTC();

	private static final TaskOptions ORDER_1 = TaskOptions.defaults().queue("orders").dedupeId("order-1");

	private static final Duration SHORT_WINDOW = Duration.ofMillis(300);

	private final List<String> ran = new CopyOnWriteArrayList<>();

	private QueueManager manager;

	private String redisUri;

	@BeforeEach
	void setUp(QueueManager manager, RedisServer redis) {
		this.redisUri = redis.uri();
		this.manager = manager;
		this.manager.register("confirm", (task) -> this.ran.add(task.id()));
	}

	@Test
	void secondEnqueueWithinTheWindowReturnsTheFirstTask() {
		List<TaskEvent> created = new CopyOnWriteArrayList<>();
		this.manager.onTaskEvent(created::add, ObserverEvent.CREATED);
		TaskHandle<Object> first = this.manager.enqueue("confirm", "a", ORDER_1);
		TaskHandle<Object> second = this.manager.enqueue("confirm", "b", ORDER_1);
		assertThat(first.isDuplicate()).isFalse();
		assertThat(second.isDuplicate()).isTrue();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(this.manager.counts("orders").waiting()).isOne();
		assertThat(second.info().orElseThrow().payloadJson()).isEqualTo("\"a\"");
		assertThat(created).extracting(TaskEvent::taskId).containsExactly(first.id());
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("orders").build());
		await().atMost(Duration.ofSeconds(5)).until(() -> first.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(this.ran).containsExactly(first.id());
	}

	@Test
	void duplicatesWithinOneEnqueueAllReturnTheFirstTask() {
		List<TaskHandle<Object>> handles = this.manager.enqueueAll(List.of(TaskRequest.of("confirm", "a", ORDER_1),
				TaskRequest.of("confirm", "b", ORDER_1), TaskRequest.of("confirm", "c", ORDER_1.dedupeId("order-2"))));
		assertThat(handles).extracting(TaskHandle::isDuplicate).containsExactly(false, true, false);
		assertThat(handles.get(1).id()).isEqualTo(handles.get(0).id());
		assertThat(this.manager.counts("orders").waiting()).isEqualTo(2);
	}

	@Test
	void sameDedupeIdOnAnotherQueueIsAnotherTask() {
		TaskHandle<Object> first = this.manager.enqueue("confirm", "a", ORDER_1);
		TaskHandle<Object> other = this.manager.enqueue("confirm", "a", ORDER_1.queue("refunds"));
		assertThat(other.isDuplicate()).isFalse();
		assertThat(other.id()).isNotEqualTo(first.id());
	}

	@Test
	void enqueueAfterTheWindowCreatesANewTask() {
		TaskOptions options = ORDER_1.dedupeWindow(SHORT_WINDOW);
		TaskHandle<Object> first = this.manager.enqueue("confirm", "a", options);
		long storedBy = CLOCK.millis();
		assertThat(this.manager.enqueue("confirm", "b", options).isDuplicate()).as("within the window").isTrue();
		await().atMost(Duration.ofSeconds(2)).until(() -> CLOCK.millis() > storedBy + SHORT_WINDOW.toMillis());
		TaskHandle<Object> later = this.manager.enqueue("confirm", "c", options);
		assertThat(later.isDuplicate()).isFalse();
		assertThat(later.id()).isNotEqualTo(first.id());
		assertThat(this.manager.counts("orders").waiting()).isEqualTo(2);
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("orders").build());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.ran.size() == 2);
		assertThat(this.ran).containsExactlyInAnyOrder(first.id(), later.id());
	}

	@Test
	void aDedupeIdWhoseTaskWasCleanedUpTakesANewTaskWithinTheWindow() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("orders").build());
		TaskHandle<Object> first = this.manager.enqueue("confirm", "a", ORDER_1);
		await().atMost(Duration.ofSeconds(5)).until(() -> first.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(this.manager.cleanup("orders", new CleanupRequest(true, false, Duration.ZERO))).isOne();
		assertThat(dedupeKeyExists("order-1")).as("the key goes with its task").isFalse();

		TaskHandle<Object> second = this.manager.enqueue("confirm", "b", ORDER_1);

		assertThat(second.isDuplicate()).isFalse();
		assertThat(second.id()).isNotEqualTo(first.id());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.ran.contains(second.id()));
		assertThat(this.manager.enqueue("confirm", "c", ORDER_1).id()).as("and owns the id now").isEqualTo(second.id());
	}

	@Test
	void aDedupeIdWhoseTaskRetentionTrimmedTakesANewTaskWithinTheWindow(QueueManagers managers) {
		try (QueueManager trimming = managers
			.build((builder) -> builder.retention(new Retention(0, Duration.ofHours(1), 10, Duration.ofHours(1))))) {
			trimming.register("confirm", (task) -> this.ran.add(task.id()));
			trimming.startWorkers(WorkerPoolOptions.builder().queue("orders").build());
			TaskHandle<Object> first = trimming.enqueue("confirm", "a", ORDER_1);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.ran.contains(first.id()) && first.info().isEmpty());
			assertThat(dedupeKeyExists("order-1")).as("the key goes with its task").isFalse();

			TaskHandle<Object> second = trimming.enqueue("confirm", "b", ORDER_1);

			assertThat(second.isDuplicate()).isFalse();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.ran.contains(second.id()));
		}
	}

	@Test
	void aDedupeKeyWhoseTaskIsGoneBlocksNothingNotEvenInAnAllOrNothingBatch() {
		this.manager.groups("orders").setMaxSize(1);
		this.manager.enqueue("confirm", "fills the group", TaskOptions.defaults().queue("orders").group("g"));
		// A key left by a task removed before removals deleted such keys.
		setKey("cleo:{orders}:dedupe:order-1", "gone-task-id");

		TaskHandle<Object> revived = this.manager.enqueue("confirm", "a", ORDER_1);
		assertThat(revived.isDuplicate()).isFalse();
		assertThat(revived.info()).isPresent();

		setKey("cleo:{orders}:dedupe:order-2", "gone-task-id");
		List<TaskRequest> batch = List.of(TaskRequest.of("confirm", "fits", TaskOptions.defaults().queue("orders")),
				TaskRequest.of("confirm", "full group", ORDER_1.dedupeId("order-2").group("g")));
		long waiting = this.manager.counts("orders").waiting();
		assertThatExceptionOfType(GroupFullException.class).isThrownBy(() -> this.manager.enqueueAll(batch));
		assertThat(this.manager.counts("orders").waiting()).as("nothing of the batch was stored").isEqualTo(waiting);
	}

	private void setKey(String key, String value) {
		try (RedisClient client = RedisClient.create(this.redisUri)) {
			client.connect().sync().set(key, value);
		}
	}

	private boolean dedupeKeyExists(String dedupeId) {
		try (RedisClient client = RedisClient.create(this.redisUri)) {
			return client.connect().sync().exists("cleo:{orders}:dedupe:" + dedupeId) == 1;
		}
	}

}
