/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static dev.cleo.queue.autoconfigure.web.HistoryApiTests.ISO;
import static dev.cleo.queue.autoconfigure.web.HistoryApiTests.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/tasks} and {@code GET /api/workers} over MockMvc, against a real Redis
 * and real worker pools. {@link ReadParametersTests} has the refusals.
 */
class TasksApiTests extends AbstractQueueManagerTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private WebApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		this.manager.register("work", (task) -> {
			String what = task.payload(String.class);
			if (what.equals("block")) {
				this.release.await(30, TimeUnit.SECONDS);
			}
			if (what.equals("fail")) {
				throw new IllegalStateException("failed on purpose");
			}
			return what;
		});
		this.runner = ApiRunner.on(this.manager)
			.withPropertyValues("cleo.queues.orders.retries=0", "cleo.queues.emails.retries=0");
	}

	@AfterEach
	void release() {
		this.release.countDown();
	}

	@Test
	void waitingJobsArePagedOldestOrNewestFirst() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.manager.enqueue("work", "w" + i, TaskOptions.defaults().queue("orders")).id());
		}
		ApiRunner.run(this.runner, (mvc) -> {
			assertThat(jobIds(read(mvc, "/api/tasks?queue=orders&state=waiting"))).isEqualTo(ids);
			assertThat(jobIds(read(mvc, "/api/tasks?queue=orders&state=waiting&order=newest")))
				.containsExactly(ids.get(2), ids.get(1), ids.get(0));
			JsonNode page = read(mvc, "/api/tasks?queue=orders&state=waiting&limit=2");
			assertThat(page.get("state").asString()).isEqualTo("waiting");
			assertThat(page.get("order").asString()).isEqualTo("oldest");
			assertThat(jobIds(page)).isEqualTo(ids.subList(0, 2));
			JsonNode next = read(mvc,
					"/api/tasks?queue=orders&state=waiting&limit=2&cursor=" + page.get("nextCursor").asString());
			assertThat(jobIds(next)).containsExactly(ids.get(2));
			assertThat(next.get("nextCursor").isNull()).isTrue();
			assertThat(jobIds(read(mvc, "/api/tasks?state=waiting"))).isEmpty();
		});
	}

	@Test
	void delayedJobsHaveTheirDueTimeAndActiveOnesTheirOwnerAndRunningTime() {
		String delayed = this.manager
			.enqueue("work", "later", TaskOptions.defaults().queue("orders").delay(Duration.ofHours(1)))
			.id();
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").build());
		String active = this.manager.enqueue("work", "block", TaskOptions.defaults().queue("orders")).id();
		await().until(() -> this.manager.task("orders", active).orElseThrow().state().value().equals("active"));
		ApiRunner.run(this.runner, (mvc) -> {
			JsonNode due = read(mvc, "/api/tasks?queue=orders&state=delayed").get("tasks").get(0);
			assertThat(due.get("jobId").asString()).isEqualTo(delayed);
			assertThat(due.get("dueAt").asString()).matches(ISO);
			assertThat(due.get("owner").isNull()).isTrue();
			JsonNode running = read(mvc, "/api/tasks?queue=orders&state=active").get("tasks").get(0);
			assertThat(running.get("jobId").asString()).isEqualTo(active);
			assertThat(running.get("type").asString()).isEqualTo("work");
			assertThat(running.get("owner").asString()).endsWith("/t");
			assertThat(running.get("runningMs").asLong()).isNotNegative();
			assertThat(running.get("startedAt").asString()).matches(ISO);
			// before the context closes the manager, which waits for its running tasks
			this.release.countDown();
		});
	}

	@Test
	void completedAndDeadJobsAreListedWithTheirError() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").build());
		String done = this.manager.enqueue("work", "ok", TaskOptions.defaults().queue("orders")).id();
		String dead = this.manager.enqueue("work", "fail", TaskOptions.defaults().queue("orders").maxAttempts(1)).id();
		await().until(() -> this.manager.counts("orders").finished() == 1 && this.manager.counts("orders").dead() == 1);
		ApiRunner.run(this.runner, (mvc) -> {
			assertThat(jobIds(read(mvc, "/api/tasks?queue=orders&state=completed"))).containsExactly(done);
			JsonNode failed = read(mvc, "/api/tasks?queue=orders&state=dead").get("tasks").get(0);
			assertThat(failed.get("jobId").asString()).isEqualTo(dead);
			assertThat(failed.get("status").asString()).isEqualTo("dead");
			assertThat(failed.get("error").asString()).isEqualTo("java.lang.IllegalStateException: failed on purpose");
			assertThat(failed.get("finishedAt").asString()).matches(ISO);
		});
	}

	@Test
	void workersListEachPoolWithItsQueuesBusySlotsAndLastHour() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").concurrency(2).build());
		this.manager.startWorkers(WorkerPoolOptions.builder()
			.name("u")
			.queue("default")
			.queue("emails")
			.concurrency(3)
			.heartbeat(Duration.ofMillis(200))
			.build());
		List<String> ids = List.of(this.manager.enqueue("work", "ok", TaskOptions.defaults().queue("orders")).id(),
				this.manager.enqueue("work", "ok", TaskOptions.defaults().queue("orders")).id(),
				this.manager.enqueue("work", "fail", TaskOptions.defaults().queue("orders").maxAttempts(1)).id());
		await().until(
				() -> ids.stream().allMatch((id) -> this.manager.task("orders", id).orElseThrow().state().isFinal()));
		this.manager.enqueue("work", "block", TaskOptions.defaults().queue("emails"));
		ApiRunner.run(this.runner, (mvc) -> {
			await().until(() -> pool(read(mvc, "/api/workers"), "u").get("busy").asInt() == 1);
			JsonNode workers = read(mvc, "/api/workers");
			assertThat(workers.get("truncated").asBoolean()).isFalse();
			JsonNode t = pool(workers, "t");
			assertThat(t.get("queues").toString()).isEqualTo("[\"orders\"]");
			assertThat(t.get("concurrency").asInt()).isEqualTo(2);
			assertThat(t.get("seenAt").asString()).matches(ISO);
			assertThat(t.get("lastHour").get("processed").asLong()).isEqualTo(3);
			assertThat(t.get("lastHour").get("failed").asLong()).isOne();
			assertThat(t.get("lastHour").get("successRate").asDouble()).isCloseTo(2 / 3.0, within(0.001));
			JsonNode u = pool(workers, "u");
			assertThat(u.get("queues").toString()).isEqualTo("[\"default\",\"emails\"]");
			assertThat(u.get("concurrency").asInt()).isEqualTo(3);
			assertThat(u.get("instance").asString()).isEqualTo(t.get("instance").asString());
			assertThat(u.get("lastHour").get("processed").asLong()).isZero();
			this.release.countDown();
		});
	}

	private static JsonNode pool(JsonNode workers, String name) {
		for (JsonNode worker : workers.get("workers")) {
			if (worker.get("pool").asString().equals(name)) {
				return worker;
			}
		}
		throw new AssertionError("no pool " + name + " in " + workers);
	}

	private static List<String> jobIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("tasks").forEach((task) -> ids.add(task.get("jobId").asString()));
		return ids;
	}

}
