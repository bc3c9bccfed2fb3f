/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/history}, {@code /api/history/stats}, {@code /api/history/errors} and
 * {@code /api/jobs/{id}/attempts} over MockMvc, against a real Redis, with jobs run by a
 * real worker pool: some complete, some fail for good, one fails once and then completes.
 * {@link ReadParametersTests} has the refusals.
 */
class HistoryApiTests extends AbstractQueueManagerTests {

	static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		this.manager.register("charge", (task) -> {
			String card = task.payload(String.class);
			task.log("charging " + card);
			if (card.startsWith("fail") || (card.startsWith("flaky") && task.attempt() == 1)) {
				throw new IllegalStateException("Card " + card.substring(card.indexOf(' ') + 1) + " declined");
			}
			return Map.of("charged", card);
		});
		this.runner = ApiRunner.on(this.manager).withPropertyValues("cleo.queues.orders.retries=0");
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").queue("default").build());
	}

	@Test
	void attemptsOfAQueueComeNewestFirstWithTimesDurationsOutcomesAndErrors() {
		String completed = run("ok", "orders");
		String failed = run("fail 1234", "orders");
		ApiRunner.run(this.runner, (mvc) -> {
			mvc.perform(get("/api/history").param("queue", "orders"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.attempts.length()").value(2))
				.andExpect(jsonPath("$.nextCursor").value(nullValue()))
				.andExpect(jsonPath("$.attempts[0].jobId").value(failed))
				.andExpect(jsonPath("$.attempts[0].outcome").value("failed"))
				.andExpect(jsonPath("$.attempts[0].dead").value(true))
				.andExpect(jsonPath("$.attempts[0].retried").value(false))
				.andExpect(jsonPath("$.attempts[0].error.type").value("java.lang.IllegalStateException"))
				.andExpect(jsonPath("$.attempts[0].error.message").value("Card 1234 declined"))
				.andExpect(jsonPath("$.attempts[1].jobId").value(completed))
				.andExpect(jsonPath("$.attempts[1].type").value("charge"))
				.andExpect(jsonPath("$.attempts[1].queue").value("orders"))
				.andExpect(jsonPath("$.attempts[1].attempt").value(1))
				.andExpect(jsonPath("$.attempts[1].outcome").value("completed"))
				.andExpect(jsonPath("$.attempts[1].result.charged").value("ok"))
				.andExpect(jsonPath("$.attempts[1].error").value(nullValue()))
				.andExpect(jsonPath("$.attempts[1].worker").value(endsWith("/t")))
				.andExpect(jsonPath("$.attempts[1].startedAt").value(matchesPattern(ISO)))
				.andExpect(jsonPath("$.attempts[1].endedAt").value(matchesPattern(ISO)))
				.andExpect(jsonPath("$.attempts[1].durationMs").value(greaterThanOrEqualTo(0)))
				.andExpect(jsonPath("$.attempts[1].queueWaitMs").value(greaterThanOrEqualTo(0)));
			assertThat(ids(mvc, "/api/history?queue=orders&outcome=dead")).containsExactly(failed);
			assertThat(ids(mvc, "/api/history?queue=orders&outcome=COMPLETED")).containsExactly(completed);
			assertThat(ids(mvc, "/api/history?queue=orders&outcome=completed,dead")).containsExactly(failed, completed);
			assertThat(ids(mvc, "/api/history?queue=orders&outcome=retried&outcome=timed_out")).isEmpty();
			assertThat(ids(mvc, "/api/history?queue=orders&task=charge")).containsExactly(failed, completed);
			assertThat(ids(mvc, "/api/history?queue=orders&task=refund")).isEmpty();
		});
	}

	@Test
	void pagesGoOnWithTheCursorAndTimesTakeMillisOrIsoInstants() {
		String first = run("ok 1", "orders");
		String second = run("ok 2", "orders");
		ApiRunner.run(this.runner, (mvc) -> {
			JsonNode page = read(mvc, "/api/history?queue=orders&limit=1");
			assertThat(page.get("attempts").get(0).get("jobId").asString()).isEqualTo(second);
			String cursor = page.get("nextCursor").asString();
			JsonNode next = read(mvc, "/api/history?queue=orders&limit=1&cursor=" + cursor);
			assertThat(next.get("attempts").get(0).get("jobId").asString()).isEqualTo(first);
			long future = Instant.now().plus(Duration.ofHours(1)).toEpochMilli();
			assertThat(ids(mvc, "/api/history?queue=orders&since=" + future)).isEmpty();
			assertThat(ids(mvc, "/api/history?queue=orders&until=2020-01-01T00:00:00Z")).isEmpty();
			assertThat(ids(mvc, "/api/history?queue=orders&since=2020-01-01T00:00:00Z&until=" + future))
				.containsExactly(second, first);
		});
	}

	@Test
	void historyOfAGroupAWorkerAnInstanceAndEveryQueue() {
		String grouped = this.manager.enqueue("charge", "ok g", TaskOptions.defaults().queue("orders").group("g1"))
			.id();
		awaitFinal("orders", grouped);
		String other = run("ok d", "default");
		ApiRunner.run(this.runner, (mvc) -> {
			assertThat(ids(mvc, "/api/history?queue=orders&group=g1")).containsExactly(grouped);
			assertThat(ids(mvc, "/api/history?queue=orders&group=g2")).isEmpty();
			String worker = read(mvc, "/api/history?queue=orders").get("attempts").get(0).get("worker").asString();
			String instance = worker.substring(0, worker.lastIndexOf('/'));
			assertThat(ids(mvc, "/api/history?worker=" + worker)).containsExactly(other, grouped);
			assertThat(ids(mvc, "/api/history?worker=" + instance)).containsExactly(other, grouped);
			assertThat(ids(mvc, "/api/history?worker=" + instance + "/elsewhere")).isEmpty();
			assertThat(ids(mvc, "/api/history")).containsExactly(other, grouped);
		});
	}

	@Test
	void statsCountTheAttemptsWithRatesPercentilesAndASeries() {
		run("ok", "orders");
		run("fail 1", "orders");
		run("flaky 2", "default");
		ApiRunner.run(this.runner, (mvc) -> {
			mvc.perform(get("/api/history/stats").param("queue", "orders"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.resolution").value("minute"))
				.andExpect(jsonPath("$.since").value(matchesPattern(ISO)))
				.andExpect(jsonPath("$.totals.attempts").value(2))
				.andExpect(jsonPath("$.totals.completed").value(1))
				.andExpect(jsonPath("$.totals.failed").value(1))
				.andExpect(jsonPath("$.totals.dead").value(1))
				.andExpect(jsonPath("$.totals.successRate").value(0.5))
				.andExpect(jsonPath("$.totals.p95DurationMs").value(greaterThanOrEqualTo(0.0)))
				.andExpect(jsonPath("$.series.length()").value(greaterThanOrEqualTo(60)))
				.andExpect(jsonPath("$.series[0].start").value(matchesPattern(ISO)));
			JsonNode all = read(mvc, "/api/history/stats?resolution=hour");
			assertThat(all.get("totals").get("attempts").asLong()).isEqualTo(4);
			assertThat(all.get("totals").get("retried").asLong()).isOne();
			assertThat(all.get("series").size()).isBetween(24, 25);
			assertThat(
					read(mvc, "/api/history/stats?queue=default&task=charge").get("totals").get("completed").asLong())
				.isOne();
		});
	}

	@Test
	void errorPatternsGroupFailuresByTheirMaskedMessage() {
		run("fail 12", "orders");
		String latest = run("fail 98", "orders");
		ApiRunner.run(this.runner,
				(mvc) -> mvc.perform(get("/api/history/errors").param("queue", "orders"))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.patterns.length()").value(1))
					.andExpect(jsonPath("$.patterns[0].type").value("java.lang.IllegalStateException"))
					.andExpect(jsonPath("$.patterns[0].message").value("Card <n> declined"))
					.andExpect(jsonPath("$.patterns[0].count").value(2))
					.andExpect(jsonPath("$.patterns[0].exampleQueue").value("orders"))
					.andExpect(jsonPath("$.patterns[0].exampleJobId").value(latest))
					.andExpect(jsonPath("$.patterns[0].lastSeen").value(matchesPattern(ISO))));
	}

	@Test
	void aJobsAttemptsComeOldestFirstWithTheFullTraceAndItsLogLines() {
		String id = this.manager
			.enqueue("charge", "flaky 7",
					TaskOptions.defaults().maxAttempts(2).backoff(Backoff.fixed(Duration.ofMillis(10))))
			.id();
		awaitFinal("default", id);
		ApiRunner.run(this.runner, (mvc) -> {
			mvc.perform(get("/api/jobs/" + id + "/attempts"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.jobId").value(id))
				.andExpect(jsonPath("$.queue").value("default"))
				.andExpect(jsonPath("$.attempts.length()").value(2))
				.andExpect(jsonPath("$.attempts[0].outcome").value("failed"))
				.andExpect(jsonPath("$.attempts[0].retried").value(true))
				.andExpect(jsonPath("$.attempts[0].error.message").value("Card 7 declined"))
				.andExpect(jsonPath("$.attempts[0].error.trace").value(containsString("at ")))
				.andExpect(jsonPath("$.attempts[1].outcome").value("completed"))
				.andExpect(jsonPath("$.attempts[1].attempt").value(2));
			mvc.perform(get("/api/jobs/" + id))
				.andExpect(jsonPath("$.logs.length()").value(2))
				.andExpect(jsonPath("$.logs[0]").value(containsString("charging flaky 7")));
			mvc.perform(get("/api/jobs/unknown-job/attempts")).andExpect(status().isNotFound());
			mvc.perform(get("/api/jobs/" + id + "/attempts").param("queue", "elsewhere"))
				.andExpect(status().isNotFound());
		});
	}

	private String run(String card, String queue) {
		String id = this.manager
			.enqueue("charge", card,
					TaskOptions.defaults()
						.queue(queue)
						.maxAttempts(card.startsWith("flaky") ? 2 : 1)
						.backoff(Backoff.fixed(Duration.ofMillis(10))))
			.id();
		awaitFinal(queue, id);
		return id;
	}

	private void awaitFinal(String queue, String id) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.manager.task(queue, id).orElseThrow().state().isFinal());
	}

	static JsonNode read(MockMvc mvc, String path) throws Exception {
		String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JSON.readTree(body);
	}

	private static List<String> ids(MockMvc mvc, String path) throws Exception {
		List<String> ids = new ArrayList<>();
		read(mvc, path).get("attempts").forEach((attempt) -> ids.add(attempt.get("jobId").asString()));
		return ids;
	}

}
