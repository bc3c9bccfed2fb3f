/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.UnrecoverableTaskException;
import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static dev.cleo.queue.autoconfigure.web.ApiRunner.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/status}, {@code /api/health}, {@code /api/dlq/reprocess} and
 * {@code /api/cleanup}: reads within their deadlines, writes only with the switch, only
 * the application's queues.
 */
class OperationsApiTests extends AbstractQueueManagerTests {

	private WebApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		this.manager.register("send-email", (task) -> Map.of());
		this.manager.register("fail", (task) -> {
			throw new UnrecoverableTaskException("broken on purpose");
		});
		this.runner = ApiRunner.on(this.manager).withPropertyValues("cleo.web.api.task-queues.send-email=emails");
	}

	@Test
	void healthIsUpWhileRedisAnswers() {
		ApiRunner.run(this.runner,
				(mvc) -> mvc.perform(get("/api/health"))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.status").value("UP")));
	}

	@Test
	void healthIsDownWithinItsTimeoutWhileRedisIsAway() {
		runWhileRedisIsAway("cleo.health.timeout=300ms", (mvc) -> {
			long start = System.nanoTime();
			String body = mvc.perform(get("/api/health"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("DOWN"))
				.andExpect(jsonPath("$.error").value("Redis did not answer within 300 ms"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
			assertThat(body).doesNotContain("Exception").doesNotContain("io.lettuce");
		});
	}

	@Test
	void readsAnswer503WithinTheRequestTimeoutWhileRedisIsAway() {
		runWhileRedisIsAway("cleo.request-timeout=300ms", (mvc) -> {
			within(Duration.ofMillis(1500), mvc, "/api/status");
			within(Duration.ofMillis(1500), mvc, "/api/jobs/f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
		});
	}

	@Test
	void statusListsOnlyTheApplicationsQueues() {
		this.manager.enqueue("send-email", "x", TaskOptions.defaults().queue("emails"));
		this.manager.enqueue("send-email", "x", TaskOptions.defaults().queue("made-by-someone-else"));
		ApiRunner.run(this.runner,
				(mvc) -> mvc.perform(get("/api/status"))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.status").value("operational"))
					.andExpect(jsonPath("$.queues.length()").value(2))
					.andExpect(jsonPath("$.queues[0].name").value("default"))
					.andExpect(jsonPath("$.queues[1].name").value("emails"))
					.andExpect(jsonPath("$.queues[1].counts.waiting").value(1))
					.andExpect(jsonPath("$.truncated").value(false)));
	}

	@Test
	void reprocessAndCleanupAreRefusedWithoutTheWriteSwitch() {
		ApiRunner.run(this.runner, (mvc) -> {
			postJson(mvc, "/api/dlq/reprocess", "{}").andExpect(status().isForbidden())
				.andExpect(jsonPath("$.title").value("Write refused"))
				.andExpect(jsonPath("$.detail").value(containsString("cleo.write-operations.enabled=true")));
			postJson(mvc, "/api/cleanup", "{\"removeCompleted\":true}").andExpect(status().isForbidden());
		});
	}

	@Test
	void reprocessAndCleanupNeedTheAuthorityWithSpringSecurity() {
		WriteAccess unauthorised = new WriteAccess(true, Set::of);
		ApiRunner.run(this.runner.withBean(WriteAccess.class, () -> unauthorised), (mvc) -> {
			postJson(mvc, "/api/dlq/reprocess", "{}").andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString(WriteAccess.AUTHORITY)));
			postJson(mvc, "/api/cleanup", "{}").andExpect(status().isForbidden());
		});
	}

	@Test
	void reprocessRetriesDeadJobs() {
		WorkerPool pool = this.manager
			.startWorkers(WorkerPoolOptions.builder().name("t").queue("default").concurrency(2).build());
		String id = this.manager.enqueue("fail", "x", TaskOptions.defaults().maxAttempts(1)).id();
		await().until(() -> this.manager.counts("default").dead() == 1);
		pool.stop();
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised),
				(mvc) -> postJson(mvc, "/api/dlq/reprocess", "{\"jobIds\":[\"" + id + "\"],\"maxJobs\":10}")
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.reprocessed[0]").value(id))
					.andExpect(jsonPath("$.count").value(1))
					.andDo((result) -> assertThat(this.manager.counts("default").waiting()).isOne()));
	}

	@Test
	void reprocessTakesOnlyTheApplicationsQueuesAndBoundedLists() {
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised), (mvc) -> {
			postJson(mvc, "/api/dlq/reprocess", "{\"queue\":\"elsewhere\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Unknown queue"));
			postJson(mvc, "/api/dlq/reprocess", "{\"maxJobs\":1000000}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("'maxJobs' must be from 1 to 1000")));
			postJson(mvc, "/api/dlq/reprocess", "{\"jobIds\":[null]}").andExpect(status().isBadRequest());
			assertThat(this.manager.queues()).doesNotContain("elsewhere");
		});
	}

	@Test
	void cleanupRemovesCompletedJobsOfTheApplicationsQueuesOnly() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("emails").queue("other").build());
		this.manager.enqueue("send-email", "d", TaskOptions.defaults().queue("emails"));
		this.manager.enqueue("send-email", "e", TaskOptions.defaults().queue("other"));
		await()
			.until(() -> this.manager.counts("emails").finished() == 1 && this.manager.counts("other").finished() == 1);
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised),
				(mvc) -> postJson(mvc, "/api/cleanup",
						"{\"removeCompleted\":true,\"removeExpired\":true,\"olderThan\":0}")
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.removed").value(1))
					.andExpect(jsonPath("$.queues.emails").value(1))
					.andExpect(jsonPath("$.queues.other").doesNotExist())
					.andDo((result) -> assertThat(this.manager.counts("other").finished()).isOne()));
	}

	@Test
	void negativeOlderThanIsAProblem() {
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised),
				(mvc) -> postJson(mvc, "/api/cleanup",
						"{\"removeCompleted\":true,\"olderThan\":-1,\"queue\":\"emails\"}")
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail").value(containsString("'olderThan' must be zero or more"))));
	}

	/**
	 * Run the API on a manager whose Redis has stopped.
	 * @param property the timeout the call is to keep
	 * @param call what to call and expect
	 */
	private static void runWhileRedisIsAway(String property, ApiRunner.MvcCall call) {
		try (RedisServer own = RedisServer.start();
				QueueManager away = QueueManager.builder().redisUri(own.uri()).build()) {
			own.stop();
			ApiRunner.run(ApiRunner.on(away).withPropertyValues(property), call);
		}
	}

	private static void within(Duration deadline, MockMvc mvc, String path) throws Exception {
		long start = System.nanoTime();
		mvc.perform(get(path))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(not(containsString("Exception"))));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline);
	}

}
