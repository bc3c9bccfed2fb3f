/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.QueueManagers;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.worker.WorkerPoolOptions.QueueSelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * How one pool shares its worker among several queues that all have work.
 */
@QueueManagerTest
class QueueSelectionTests {

	private final List<String> starts = Collections.synchronizedList(new ArrayList<>());

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("noop", (task) -> this.starts.add(task.queue()));
	}

	@Test
	void weightedPoolStartsTasksInProportionToTheQueueWeights() {
		// 2,000 starts put the allowed 5 points at 4.5 standard deviations or more for
		// every queue.
		fill("high", 2_000);
		fill("normal", 2_000);
		fill("low", 2_000);
		WorkerPool pool = this.manager.startWorkers(WorkerPoolOptions.builder()
			.queue("high", 60)
			.queue("normal", 30)
			.queue("low", 10)
			.selection(QueueSelection.WEIGHTED)
			.concurrency(1)
			.build());
		await().atMost(Duration.ofSeconds(60)).until(() -> this.starts.size() >= 2_000);
		pool.stop();
		List<String> first = firstStarts(this.starts, 2_000);
		assertThat(share(first, "high")).isCloseTo(0.60, within(0.05));
		assertThat(share(first, "normal")).isCloseTo(0.30, within(0.05));
		assertThat(share(first, "low")).isCloseTo(0.10, within(0.05));
	}

	@Test
	void weightedPoolsDrawTheirQueueOrdersIndependently(QueueManagers managers) {
		fill("high", 300);
		fill("normal", 300);
		fill("low", 300);
		List<String> otherStarts = Collections.synchronizedList(new ArrayList<>());
		try (QueueManager other = managers.build()) {
			other.register("noop", (task) -> otherStarts.add(task.queue()));
			WorkerPoolOptions options = WorkerPoolOptions.builder()
				.queue("high", 60)
				.queue("normal", 30)
				.queue("low", 10)
				.selection(QueueSelection.WEIGHTED)
				.concurrency(1)
				.build();
			this.manager.startWorkers(options);
			other.startWorkers(options);
			await().atMost(Duration.ofSeconds(30)).until(() -> this.starts.size() >= 100 && otherStarts.size() >= 100);
		}
		assertThat(firstStarts(otherStarts, 100)).as("another pool's first 100 queue picks")
			.isNotEqualTo(firstStarts(this.starts, 100));
	}

	@Test
	void strictPoolDrainsTheFirstQueueBeforeTheSecond() {
		fill("second", 20);
		fill("first", 20);
		this.manager.startWorkers(WorkerPoolOptions.builder()
			.queue("first")
			.queue("second")
			.selection(QueueSelection.STRICT)
			.concurrency(1)
			.build());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.starts.size() == 40);
		assertThat(this.starts.subList(0, 20)).containsOnly("first");
		assertThat(this.starts.subList(20, 40)).containsOnly("second");
	}

	private void fill(String queue, int tasks) {
		TaskOptions options = TaskOptions.defaults().queue(queue);
		this.manager
			.enqueueAll(IntStream.range(0, tasks).mapToObj((i) -> TaskRequest.of("noop", null, options)).toList());
	}

	private static List<String> firstStarts(List<String> starts, int count) {
		synchronized (starts) {
			return List.copyOf(starts.subList(0, count));
		}
	}

	private static double share(List<String> starts, String queue) {
		return starts.stream().filter(queue::equals).count() / (double) starts.size();
	}

}
