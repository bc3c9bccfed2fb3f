/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueueManagerTest
class QueueManagerSmokeTests {

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
	}

	@Test
	void enqueuedTaskRunsAndStoresItsResult() {
		this.manager.register("add", (task) -> {
			Map<?, ?> numbers = task.payload(Map.class);
			return ((Integer) numbers.get("a")) + ((Integer) numbers.get("b"));
		});
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("math").concurrency(2).build());
		TaskHandle<Object> handle = this.manager.enqueue("add", Map.of("a", 2, "b", 3),
				TaskOptions.defaults().queue("math"));
		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(handle.withResultType(Integer.class).result()).contains(5);
	}

}
