/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueueManagerTest
class EnqueueAllTests {

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.enqueue("warm-up", null, TaskOptions.defaults().queue("warm-up"));
	}

	@Test
	void thousandTasksAreStoredByOneScriptCallAndAllRun(RedisServer redis) {
		Set<Integer> ran = ConcurrentHashMap.newKeySet();
		this.manager.register("count", (task) -> ran.add(task.payload(Integer.class)));
		List<TaskRequest> requests = IntStream.range(0, 1_000)
			.mapToObj((i) -> TaskRequest.of("count", i, TaskOptions.defaults().queue("bulk")))
			.toList();
		long scriptsBefore = CommandStats.calls(redis, "evalsha", "eval");
		List<TaskHandle<Object>> handles = this.manager.enqueueAll(requests);
		assertThat(CommandStats.calls(redis, "evalsha", "eval") - scriptsBefore).isOne();
		assertThat(handles).hasSize(1_000).extracting(TaskHandle::id).doesNotHaveDuplicates();
		assertThat(this.manager.counts("bulk").waiting()).isEqualTo(1_000);
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("bulk").concurrency(20).build());
		await().atMost(Duration.ofSeconds(20)).until(() -> this.manager.counts("bulk").finished() == 1_000);
		assertThat(ran).hasSize(1_000);
	}

	@Test
	void tasksOfTwoQueuesInOneCallGoToTheirQueuesInOrder(RedisServer redis) {
		this.manager.register("echo", (task) -> task.payload(String.class));
		List<TaskRequest> requests = List.of(request("a1", "alpha"), request("b1", "beta"), request("a2", "alpha"),
				request("b2", "beta"));
		long scriptsBefore = CommandStats.calls(redis, "evalsha", "eval");
		List<TaskHandle<Object>> handles = this.manager.enqueueAll(requests);
		assertThat(CommandStats.calls(redis, "evalsha", "eval") - scriptsBefore).as("one script call per queue")
			.isEqualTo(2);
		assertThat(handles).extracting(TaskHandle::queue).containsExactly("alpha", "beta", "alpha", "beta");
		assertThat(this.manager.counts("alpha").waiting()).isEqualTo(2);
		assertThat(this.manager.counts("beta").waiting()).isEqualTo(2);
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("alpha").queue("beta").build());
		for (int i = 0; i < handles.size(); i++) {
			TaskHandle<String> handle = handles.get(i).withResultType(String.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
			assertThat(handle.result()).contains((String) requests.get(i).payload());
		}
	}

	@Test
	void emptyListEnqueuesNothing(RedisServer redis) {
		long scriptsBefore = CommandStats.calls(redis, "evalsha", "eval");
		assertThat(this.manager.enqueueAll(List.of())).isEmpty();
		assertThat(CommandStats.calls(redis, "evalsha", "eval")).isEqualTo(scriptsBefore);
	}

	private static TaskRequest request(String payload, String queue) {
		return TaskRequest.of("echo", payload, TaskOptions.defaults().queue(queue));
	}

}
