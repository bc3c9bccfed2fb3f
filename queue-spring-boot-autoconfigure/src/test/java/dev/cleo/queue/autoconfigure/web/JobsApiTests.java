/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static dev.cleo.queue.autoconfigure.web.ApiRunner.jobId;
import static dev.cleo.queue.autoconfigure.web.ApiRunner.postJson;
import static dev.cleo.queue.autoconfigure.web.ApiRunner.postRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/jobs} over MockMvc, against a real Redis: what a caller may enqueue, with
 * which options, and reading jobs back.
 */
class JobsApiTests extends AbstractQueueManagerTests {

	private WebApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		this.manager.register("send-email", (task) -> Map.of("sentTo", task.payload(Email.class).to()));
		this.runner = ApiRunner.on(this.manager)
			.withPropertyValues("cleo.web.api.task-queues.send-email=emails", "cleo.queues.emails.priority=high",
					"cleo.queues.orders.timeout=30s", "cleo.queues.orders.retries=3",
					"cleo.queues.orders.priority=normal");
	}

	@Test
	void postedJobCompletesAndIsReadBack() {
		ApiRunner.run(this.runner, (mvc) -> {
			this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("emails").concurrency(2).build());
			String id = jobId(postJson(mvc, "/api/jobs", """
					{"type":"send-email","payload":{"to":"a@example.com","subject":"Hi","body":"Hello"},
					 "options":{"priority":"high","maxRetries":2,"ttl":60000,"timeout":30000}}""")
				.andExpect(status().isCreated())
				.andExpect(header().string("Location", containsString("/api/jobs/")))
				.andExpect(jsonPath("$.status").value("waiting"))
				.andExpect(jsonPath("$.queue").value("emails"))
				.andExpect(jsonPath("$.enqueuedAt").isNumber()));
			await().until(() -> mvc.perform(get("/api/jobs/" + id))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("\"status\":\"completed\""));
			mvc.perform(get("/api/jobs/" + id))
				.andExpect(jsonPath("$.jobId").value(id))
				.andExpect(jsonPath("$.type").value("send-email"))
				.andExpect(jsonPath("$.priority").value(10))
				.andExpect(jsonPath("$.maxAttempts").value(3))
				.andExpect(jsonPath("$.result.sentTo").value("a@example.com"));
		});
	}

	@Test
	void jobsStartFromTheQueuesConfiguredOptions() {
		ApiRunner.run(this.runner.withPropertyValues("cleo.queues.emails.retries=5"), (mvc) -> {
			String id = jobId(postJson(mvc, "/api/jobs", "{\"type\":\"send-email\",\"payload\":{\"to\":\"c@x.org\"}}")
				.andExpect(status().isCreated()));
			assertThat(this.manager.task("emails", id).orElseThrow().maxAttempts()).isEqualTo(6);
		});
	}

	@Test
	void delayedJobSaysSoAndDuplicateReturnsTheFirst() {
		ApiRunner.run(this.runner, (mvc) -> {
			String request = """
					{"type":"send-email","payload":{"to":"b@example.com"},
					 "options":{"delay":60000,"dedupeId":"welcome-b","group":"b","queue":"orders"}}""";
			String id = jobId(postJson(mvc, "/api/jobs", request).andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("delayed"))
				.andExpect(jsonPath("$.queue").value("orders")));
			postJson(mvc, "/api/jobs", request).andExpect(status().isOk())
				.andExpect(jsonPath("$.duplicate").value(true))
				.andExpect(jsonPath("$.jobId").value(id))
				.andExpect(jsonPath("$.status").value("delayed"));
		});
	}

	@Test
	void dedupeIdOfARemovedJobGivesANewJob() {
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised), (mvc) -> {
			this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("emails").concurrency(1).build());
			String request = "{\"type\":\"send-email\",\"payload\":{\"to\":\"d@x.org\"},\"options\":{\"dedupeId\":\"d\"}}";
			String first = jobId(postJson(mvc, "/api/jobs", request).andExpect(status().isCreated()));
			await().until(() -> this.manager.counts("emails").finished() == 1);
			postJson(mvc, "/api/cleanup", "{\"removeCompleted\":true,\"queue\":\"emails\"}")
				.andExpect(jsonPath("$.removed").value(1));

			String second = jobId(postJson(mvc, "/api/jobs", request).andExpect(status().isCreated())
				.andExpect(jsonPath("$.duplicate").value(false)));
			assertThat(second).isNotEqualTo(first);
		});
	}

	@Test
	void queueTheApplicationDoesNotKnowIsRefusedWithoutNamingTheKnownOnes() {
		ApiRunner.run(this.runner, (mvc) -> {
			postJson(mvc, "/api/jobs", "{\"type\":\"send-email\",\"payload\":{},\"options\":{\"queue\":\"q-3320\"}}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Unknown queue"))
				.andExpect(
						jsonPath("$.detail").value(allOf(containsString("'q-3320'"), not(containsString("emails")))));
			assertThat(this.manager.queues()).doesNotContain("q-3320");
		});
	}

	@Test
	void queueTheApplicationDoesNotKnowIsRefusedNamingTheKnownOnesToAnAuthorisedCaller() {
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised),
				(mvc) -> postJson(mvc, "/api/jobs", "{\"type\":\"send-email\",\"options\":{\"queue\":\"nope\"}}")
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail")
						.value(containsString("the queues it takes are 'default', 'emails', 'orders'"))));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"type":"send-email","options":{"queue":false}}          | options.queue      | a string
			{"type":"send-email","options":{"queue":1e-320}}         | options.queue      | a string
			{"type":"send-email","options":{"maxRetries":1.9}}       | options.maxRetries | a whole number
			{"type":"send-email","options":{"ttl":"3600000"}}        | options.ttl        | a whole number
			{"type":5}                                               | type               | a string
			{"type":"send-email","options":{"group":["a"]}}          | options.group      | a string
			{"type":"send-email","options":{"maxRetries":99999999999}} | options.maxRetries | out of range
			""")
	void valueOfTheWrongJsonTypeIsRefusedNamingTheField(String body, String field, String expected) {
		ApiRunner.run(this.runner, (mvc) -> {
			postJson(mvc, "/api/jobs", body).andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
				.andExpect(
						jsonPath("$.detail").value(allOf(containsString("'" + field + "'"), containsString(expected))));
			assertThat(this.manager.queues()).isEmpty();
		});
	}

	@Test
	void unknownTypeIsRefusedWithoutNamingTheRegisteredOnes() {
		ApiRunner.run(this.runner, (mvc) -> {
			postRefused(mvc, "{\"type\":\"rm-rf\",\"payload\":{}}", "Unknown job type 'rm-rf'")
				.andExpect(jsonPath("$.detail").value(not(containsString("send-email"))));
			assertThat(this.manager.counts("default").waiting()).isZero();
		});
	}

	@Test
	void unknownTypeNamesTheExposedOnesToAnAuthorisedCaller() {
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised),
				(mvc) -> postRefused(mvc, "{\"type\":\"rm-rf\"}", "the types it takes are 'send-email'"));
	}

	@Test
	void callerCannotLiftTheConfiguredTimeoutOrRaiseRetriesAndPriority() {
		ApiRunner.run(this.runner, (mvc) -> {
			refused(mvc, "\"timeout\":0", "from 1 to 30000 ms");
			refused(mvc, "\"timeout\":30001", "from 1 to 30000 ms");
			refused(mvc, "\"maxRetries\":999", "maxRetries may be at most 3");
			refused(mvc, "\"priority\":1000", "priority may be at most 5");
			refused(mvc, "\"priority\":\"high\"", "priority may be at most 5");
			refused(mvc, "\"delay\":31536000000", "at most 604800000 ms (cleo.web.api.max-delay)");
			refused(mvc, "\"ttl\":31536000000", "at most 604800000 ms (cleo.web.api.max-ttl)");
			assertThat(this.manager.counts("orders").waiting() + this.manager.counts("orders").delayed()).isZero();
		});
	}

	@Test
	void callerMayLowerTheConfiguredOptions() {
		ApiRunner.run(this.runner, (mvc) -> {
			String id = jobId(postJson(mvc, "/api/jobs",
					"""
							{"type":"send-email","options":{"queue":"orders","timeout":1000,"maxRetries":1,"priority":"low"}}""")
				.andExpect(status().isCreated()));
			TaskInfo job = this.manager.task("orders", id).orElseThrow();
			assertThat(job.maxAttempts()).isEqualTo(2);
			assertThat(job.priority()).isEqualTo(1);
		});
	}

	@Test
	void configuredTimeoutAppliesWhenTheCallerGivesNone() {
		ApiRunner.run(this.runner.withPropertyValues("cleo.web.api.max-delay=1m"), (mvc) -> {
			postRefused(mvc, "{\"type\":\"send-email\",\"options\":{\"queue\":\"orders\",\"delay\":60001}}",
					"at most 60000 ms");
			postJson(mvc, "/api/jobs", "{\"type\":\"send-email\",\"options\":{\"queue\":\"orders\"}}")
				.andExpect(status().isCreated());
		});
	}

	@Test
	void runningJobIsCancelledItsHandlerInterruptedAndNeverRetried() {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		this.manager.register("block", (task) -> {
			started.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
				throw ex;
			}
			return null;
		});
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised), (mvc) -> {
			// a short heartbeat, so the worker learns of the cancel soon
			this.manager.startWorkers(WorkerPoolOptions.builder()
				.name("t")
				.queue("default")
				.concurrency(1)
				.lease(Duration.ofSeconds(2))
				.heartbeat(Duration.ofMillis(200))
				.build());
			String id = jobId(postJson(mvc, "/api/jobs", "{\"type\":\"block\"}").andExpect(status().isCreated()));
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			mvc.perform(post("/api/jobs/" + id + "/cancel").param("queue", "default"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("cancelled"))
				.andExpect(jsonPath("$.previousStatus").value("active"));
			assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
			await().untilAsserted(() -> assertThat(this.manager.counts("default").active()).isZero());
			TaskInfo job = this.manager.task("default", id).orElseThrow();
			assertThat(job.state()).isEqualTo(TaskState.CANCELLED);
			assertThat(job.attempts()).isOne();
			assertThat(this.manager.counts("default").waiting() + this.manager.counts("default").delayed()).isZero();
		});
	}

	@Test
	void waitingJobIsCancelled() {
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised), (mvc) -> {
			String id = jobId(postJson(mvc, "/api/jobs", "{\"type\":\"send-email\"}"));
			mvc.perform(post("/api/jobs/" + id + "/cancel"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.queue").value("emails"))
				.andExpect(jsonPath("$.previousStatus").value("waiting"));
			assertThat(this.manager.task("emails", id).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
		});
	}

	@Test
	void cancelOfAFinishedJobIsAConflictAndOfAnUnknownOneNotFound() {
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised), (mvc) -> {
			this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("emails").concurrency(1).build());
			String id = jobId(postJson(mvc, "/api/jobs", "{\"type\":\"send-email\",\"payload\":{\"to\":\"f@x\"}}"));
			await().until(() -> this.manager.counts("emails").finished() == 1);
			mvc.perform(post("/api/jobs/" + id + "/cancel").param("queue", "emails"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(containsString("is completed already")));
			mvc.perform(post("/api/jobs/f81d4fae-7dec-11d0-a765-00a0c91e6bf6/cancel")).andExpect(status().isNotFound());
		});
	}

	@Test
	void cancelIsAWriteThatTheSwitchMustAllow() {
		ApiRunner.run(this.runner, (mvc) -> {
			String id = jobId(postJson(mvc, "/api/jobs", "{\"type\":\"send-email\"}"));
			mvc.perform(post("/api/jobs/" + id + "/cancel"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString("cleo.write-operations.enabled=true")));
			assertThat(this.manager.task("emails", id).orElseThrow().state()).isEqualTo(TaskState.WAITING);
		});
	}

	@Test
	void unknownJobIsNotFound() {
		ApiRunner.run(this.runner,
				(mvc) -> mvc.perform(get("/api/jobs/nope"))
					.andExpect(status().isNotFound())
					.andExpect(jsonPath("$.title").value("Job not found"))
					.andExpect(jsonPath("$.detail").value(containsString("No job 'nope'"))));
	}

	@Test
	void jobOfAQueueTheApplicationDoesNotKnowIsNotFound() {
		String id = this.manager
			.enqueue("send-email", new Email("e@x.org"), dev.cleo.queue.TaskOptions.defaults().queue("elsewhere"))
			.id();
		ApiRunner.run(this.runner, (mvc) -> mvc.perform(get("/api/jobs/" + id).param("queue", "elsewhere"))
			.andExpect(status().isNotFound()));
	}

	@Test
	void deadJobErrorIsBounded() {
		this.manager.register("fail", (task) -> {
			throw new dev.cleo.queue.UnrecoverableTaskException("x".repeat(50_000));
		});
		String id = this.manager.enqueue("fail", "p", dev.cleo.queue.TaskOptions.defaults().maxAttempts(1)).id();
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("default").concurrency(1).build());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.manager.counts("default").dead() == 1);
		ApiRunner.run(this.runner, (mvc) -> {
			String error = mvc.perform(get("/api/jobs/" + id))
				.andExpect(jsonPath("$.status").value("dead"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(error.length()).isLessThan(JobView.MAX_ERROR_LENGTH + 1000);
		});
	}

	private void refused(org.springframework.test.web.servlet.MockMvc mvc, String option, String detail)
			throws Exception {
		postJson(mvc, "/api/jobs", "{\"type\":\"send-email\",\"options\":{\"queue\":\"orders\"," + option + "}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Invalid option"))
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

	record Email(String to) {

	}

}
