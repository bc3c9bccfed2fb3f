/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Bad input never retries and never stops a worker: a task without a handler (here with
 * no unknown-task grace; {@link UnknownTaskNameTests} has the grace), an unreadable
 * payload and an unrecoverable failure go to the dead-letter queue after one attempt,
 * with the reason, and the single worker goes on with the next task.
 */
@QueueManagerTest
class BadInputTests {

	private static final TaskOptions ORDERS = TaskOptions.defaults()
		.queue("orders")
		.maxAttempts(5)
		.backoff(Backoff.fixed(Duration.ofMillis(10)));

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("ship", (task) -> task.payload(Order.class).id());
		this.manager.startWorkers(
				WorkerPoolOptions.builder().queue("orders").concurrency(1).unknownTaskGrace(Duration.ZERO).build());
	}

	@Test
	void taskWithoutHandlerGoesToTheDeadLetterQueueAfterOneAttemptWithoutGrace() {
		TaskHandle<Object> ghost = this.manager.enqueue("ghost", "x", ORDERS);
		TaskInfo dead = awaitState(ghost, TaskState.DEAD);
		assertThat(dead.attempts()).isOne();
		assertThat(dead.lastError()).contains("No handler is registered for task 'ghost'");
		assertThat(this.manager.deadLetters("orders").list(0, 10)).singleElement()
			.satisfies((task) -> assertThat(task.id()).isEqualTo(ghost.id()))
			.satisfies((task) -> assertThat(task.lastError()).contains("'ghost'"));
		assertNextTaskCompletes();
	}

	@Test
	void unreadablePayloadGoesToTheDeadLetterQueueWithTheReason() {
		TaskHandle<Object> unreadable = this.manager.enqueue("ship", "oops", ORDERS);
		TaskInfo dead = awaitState(unreadable, TaskState.DEAD);
		assertThat(dead.attempts()).isOne();
		assertThat(dead.lastError()).startsWith("Could not read the payload as " + Order.class.getTypeName());
		assertThat(this.manager.deadLetters("orders").size()).isOne();
		assertNextTaskCompletes();
	}

	@Test
	void unrecoverableFailureGoesToTheDeadLetterQueueDespiteAttemptsLeft() {
		this.manager.register("charge", (task) -> {
			throw new UnrecoverableTaskException("card o-1 was reported stolen");
		});
		TaskHandle<Object> charge = this.manager.enqueue("charge", null, ORDERS);
		TaskInfo dead = awaitState(charge, TaskState.DEAD);
		assertThat(dead.attempts()).isOne();
		assertThat(dead.maxAttempts()).isEqualTo(5);
		assertThat(dead.lastError()).startsWith("card o-1 was reported stolen\n\tat ");
		assertNextTaskCompletes();
	}

	@Test
	void resultThatCannotBeWrittenGoesToTheDeadLetterQueueWithTheReason() {
		this.manager.register("quote", (task) -> new Unwritable("q-1"));
		TaskHandle<Object> quote = this.manager.enqueue("quote", null, ORDERS);
		TaskInfo dead = awaitState(quote, TaskState.DEAD);
		assertThat(dead.attempts()).isOne();
		assertThat(dead.lastError()).startsWith("The handler's result could not be stored: Could not write a "
				+ Unwritable.class.getName() + " as JSON");
		assertNextTaskCompletes();
	}

	@Test
	void payloadThatCannotBeWrittenFailsTheWholeEnqueueAndStoresNothing() {
		List<TaskRequest> requests = List.of(TaskRequest.of("ship", new Order("o-3", 1), ORDERS),
				TaskRequest.of("ship", new Unwritable("o-4"), ORDERS));
		assertThatExceptionOfType(UnreadablePayloadException.class).isThrownBy(() -> this.manager.enqueueAll(requests))
			.withMessageStartingWith("Could not write a " + Unwritable.class.getName() + " as JSON");
		assertThat(this.manager.counts("orders")).isEqualTo(new QueueCounts(0, 0, 0, 0, 0));
	}

	private void assertNextTaskCompletes() {
		TaskHandle<String> good = this.manager.enqueue("ship", new Order("o-2", 1), ORDERS)
			.withResultType(String.class);
		awaitState(good, TaskState.COMPLETED);
		assertThat(good.result()).contains("o-2");
	}

	private TaskInfo awaitState(TaskHandle<?> handle, TaskState state) {
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> handle.info().orElseThrow(), (info) -> info.state() == state);
	}

	record Order(String id, int quantity) {
	}

	record Unwritable(String id) {

		@Override
		public String id() {
			throw new IllegalStateException("not serializable");
		}

	}

}
