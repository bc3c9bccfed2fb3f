/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code QueueManager.task} and {@link TaskHandle} read back: state, attempts,
 * times, the result as JSON and typed, and the last error.
 */
@QueueManagerTest
class TaskLookupTests {

	private static final Clock CLOCK = Clock.systemUTC();

	private static final TaskOptions BILLING = TaskOptions.defaults()
		.queue("billing")
		.maxAttempts(4)
		.priority(TaskPriority.HIGH)
		.backoff(Backoff.fixed(Duration.ofMillis(10)));

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.workerId("node-1"));
	}

	@Test
	void waitingTaskHasItsOptionsAndNoAttemptYet() {
		Instant before = Instant.ofEpochMilli(CLOCK.millis());
		TaskHandle<Object> handle = this.manager.enqueue("charge", new Charge("o-1", 1299), BILLING);
		Instant after = Instant.ofEpochMilli(CLOCK.millis());
		TaskInfo info = this.manager.task("billing", handle.id()).orElseThrow();
		assertThat(info.id()).isEqualTo(handle.id());
		assertThat(info.queue()).isEqualTo("billing");
		assertThat(info.name()).isEqualTo("charge");
		assertThat(info.state()).isEqualTo(TaskState.WAITING);
		assertThat(info.priority()).isEqualTo(10);
		assertThat(info.attempts()).isZero();
		assertThat(info.maxAttempts()).isEqualTo(4);
		assertThat(info.createdAt()).isBetween(before, after);
		assertThat(info.runAt()).isEqualTo(info.createdAt());
		assertThat(info.payloadJson()).isEqualTo("{\"orderId\":\"o-1\",\"cents\":1299}");
		assertThat(info.startedAt()).isNull();
		assertThat(info.finishedAt()).isNull();
		assertThat(info.worker()).isNull();
		assertThat(info.lastError()).isNull();
		assertThat(info.resultJson()).isNull();
		assertThat(info.progress()).isNull();
	}

	@Test
	void completedTaskRecordsAttemptsTimesResultAndTheLastError() {
		AtomicLong firstAttemptFailedAt = new AtomicLong();
		this.manager.register("charge", (task) -> {
			Charge charge = task.payload(Charge.class);
			if (task.attempt() == 1) {
				firstAttemptFailedAt.set(CLOCK.millis());
				throw new IllegalStateException("payment gateway timed out");
			}
			return new Receipt(charge.orderId(), charge.cents(), List.of("captured"));
		});
		TaskHandle<Object> handle = this.manager.enqueue("charge", new Charge("o-2", 500), BILLING);
		this.manager.startWorkers(WorkerPoolOptions.builder().name("billing-pool").queue("billing").build());
		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		TaskInfo info = handle.info().orElseThrow();
		assertThat(info.attempts()).isEqualTo(2);
		assertThat(info.startedAt()).as("the latest attempt's start")
			.isAfterOrEqualTo(Instant.ofEpochMilli(firstAttemptFailedAt.get()));
		assertThat(info.finishedAt()).isAfterOrEqualTo(info.startedAt());
		assertThat(info.startedAt()).isAfterOrEqualTo(info.createdAt());
		assertThat(info.worker()).isEqualTo("node-1/billing-pool");
		assertThat(info.lastError()).startsWith("java.lang.IllegalStateException: payment gateway timed out\n\tat ");
		assertThat(info.resultJson()).isEqualTo("{\"orderId\":\"o-2\",\"cents\":500,\"steps\":[\"captured\"]}");
	}

	@Test
	void recordResultIsReadBackAsItsType() {
		this.manager.register("charge", (task) -> new Receipt("o-3", 42, List.of("authorised", "captured")));
		TaskHandle<Receipt> handle = this.manager.enqueue("charge", new Charge("o-3", 42), BILLING)
			.withResultType(Receipt.class);
		assertThat(handle.result()).as("no result before completion").isEmpty();
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("billing").build());
		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(handle.result()).contains(new Receipt("o-3", 42, List.of("authorised", "captured")));
	}

	@Test
	void handlerReturningNothingStoresNoResult() {
		this.manager.register("charge", (task) -> null);
		TaskHandle<Object> handle = this.manager.enqueue("charge", new Charge("o-4", 1), BILLING);
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("billing").build());
		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(handle.info().orElseThrow().resultJson()).isNull();
		assertThat(handle.result()).isEmpty();
	}

	@Test
	void unknownTaskIsEmpty() {
		assertThat(this.manager.task("billing", "no-such-id")).isEmpty();
	}

	record Charge(String orderId, long cents) {
	}

	record Receipt(String orderId, long cents, List<String> steps) {
	}

}
