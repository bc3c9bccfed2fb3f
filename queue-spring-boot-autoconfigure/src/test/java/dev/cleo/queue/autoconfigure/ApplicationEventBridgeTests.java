/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPoolOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Task events reach {@code @EventListener} methods as application events: this instance's
 * by default, every instance's with {@code cleo.events.application-events=all-instances},
 * none with {@code none}.
 */
@RedisTest
class ApplicationEventBridgeTests {

	private RedisServer redis;

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.redis = redis;
		this.runner = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s").withBean(Heard.class);
	}

	@Test
	void thisInstancesEventsReachEventListenersByDefault() {
		this.runner.run((context) -> {
			QueueManager manager = context.getBean(QueueManager.class);
			manager.register("greet", (task) -> "hi");
			manager.startWorkers(WorkerPoolOptions.builder().queue("events").build());
			String id = manager.enqueue("greet", "x", TaskOptions.defaults().queue("events")).id();
			Heard heard = context.getBean(Heard.class);
			await().until(() -> heard.types(id).contains(ObserverEvent.COMPLETED));
			assertThat(heard.types(id)).containsExactly(ObserverEvent.CREATED, ObserverEvent.STARTED,
					ObserverEvent.COMPLETED);
		});
	}

	@Test
	void everyInstancesEventsReachEventListenersWhenAskedFor() throws Exception {
		try (QueueManager other = QueueManager.builder().redisUri(this.redis.uri()).workerId("other").build()) {
			other.register("greet", (task) -> "hi");
			other.enqueue("greet", "warm-up", TaskOptions.defaults().queue("shared"));
			this.runner.withPropertyValues("cleo.events.application-events=all-instances", "cleo.worker.enabled=false")
				.run((context) -> {
					other.startWorkers(WorkerPoolOptions.builder().queue("shared").build());
					String id = other.enqueue("greet", "x", TaskOptions.defaults().queue("shared")).id();
					Heard heard = context.getBean(Heard.class);
					await().until(() -> heard.types(id).contains(ObserverEvent.COMPLETED));
					assertThat(heard.events).filteredOn((event) -> id.equals(event.taskId()))
						.filteredOn((event) -> event.type() == ObserverEvent.COMPLETED)
						.singleElement()
						.satisfies((event) -> assertThat(event.worker()).isEqualTo("other/workers"));
				});
		}
	}

	@Test
	void noneTurnsThemOff() {
		this.runner.withPropertyValues("cleo.events.application-events=none").run((context) -> {
			QueueManager manager = context.getBean(QueueManager.class);
			String id = manager.enqueue("greet", "x", TaskOptions.defaults().queue("events")).id();
			assertThat(manager.task("events", id)).isPresent();
			assertThat(context.getBean(Heard.class).events).isEmpty();
		});
	}

	static class Heard {

		final List<TaskEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TaskEvent event) {
			this.events.add(event);
		}

		List<ObserverEvent> types(String id) {
			return this.events.stream().filter((event) -> id.equals(event.taskId())).map(TaskEvent::type).toList();
		}

	}

}
