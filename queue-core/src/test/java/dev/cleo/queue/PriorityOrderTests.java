/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueueManagerTest
class PriorityOrderTests {

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs");

	private final List<String> order = new CopyOnWriteArrayList<>();

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("record", (task) -> this.order.add(task.payload(String.class)));
	}

	@Test
	void higherPriorityRunsFirst() {
		this.manager.enqueue("record", "low", JOBS.priority(TaskPriority.LOW));
		this.manager.enqueue("record", "normal", JOBS.priority(TaskPriority.NORMAL));
		this.manager.enqueue("record", "high", JOBS.priority(TaskPriority.HIGH));
		this.manager.enqueue("record", "500", JOBS.priority(500));
		runAll(4);
		assertThat(this.order).containsExactly("500", "high", "normal", "low");
	}

	@Test
	void equalPrioritiesRunInArrivalOrder() {
		for (int i = 1; i <= 5; i++) {
			this.manager.enqueue("record", "normal-" + i, JOBS);
			this.manager.enqueue("record", "high-" + i, JOBS.priority(TaskPriority.HIGH));
		}
		runAll(10);
		assertThat(this.order).containsExactly("high-1", "high-2", "high-3", "high-4", "high-5", "normal-1", "normal-2",
				"normal-3", "normal-4", "normal-5");
	}

	@Test
	void defaultPriorityIsNormal() {
		this.manager.enqueue("record", "default", JOBS);
		this.manager.enqueue("record", "high", JOBS.priority(TaskPriority.HIGH));
		this.manager.enqueue("record", "low", JOBS.priority(TaskPriority.LOW));
		runAll(3);
		assertThat(this.order).containsExactly("high", "default", "low");
	}

	private void runAll(int tasks) {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").concurrency(1).build());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.order.size() == tasks);
	}

}
