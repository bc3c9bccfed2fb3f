/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoProperties;
import dev.cleo.queue.autoconfigure.CleoSettings;
import dev.cleo.queue.autoconfigure.QueueOverrides;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.UnrecoverableTaskException;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * QueueFlow's HTTP API over MockMvc, against a real Redis.
 */
@RedisTest
class JobsApiTests {

	private QueueManager manager;

	private WebApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).build();
		this.manager.register("send-email", (task) -> Map.of("sentTo", task.payload(Email.class).to()));
		this.manager.register("fail", (task) -> {
			throw new UnrecoverableTaskException("broken on purpose");
		});
		this.runner = new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
							WebMvcAutoConfiguration.class, CleoWebApiAutoConfiguration.class))
			.withBean(QueueManager.class, () -> this.manager)
			.withPropertyValues("cleo.web.api.enabled=true", "cleo.web.api.task-queues.send-email=emails");
	}

	@AfterEach
	void tearDown() {
		this.manager.close();
	}

	@Test
	void postedJobCompletesAndIsReadBack() {
		api((mvc) -> {
			this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("emails").concurrency(2).build());
			String body = mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content("""
					{"type":"send-email","payload":{"to":"a@example.com","subject":"Hi","body":"Hello"},
					 "options":{"priority":"high","maxRetries":2,"ttl":60000,"timeout":30000}}"""))
				.andExpect(status().isCreated())
				.andExpect(header().string("Location", containsString("/api/jobs/")))
				.andExpect(jsonPath("$.status").value("waiting"))
				.andExpect(jsonPath("$.queue").value("emails"))
				.andExpect(jsonPath("$.enqueuedAt").isNumber())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String id = body.replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
			await().until(() -> mvc.perform(get("/api/jobs/" + id))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("\"status\":\"completed\""));
			mvc.perform(get("/api/jobs/" + id))
				.andExpect(jsonPath("$.jobId").value(id))
				.andExpect(jsonPath("$.type").value("send-email"))
				.andExpect(jsonPath("$.priority").value(10))
				.andExpect(jsonPath("$.attempts").value(1))
				.andExpect(jsonPath("$.maxAttempts").value(3))
				.andExpect(jsonPath("$.result.sentTo").value("a@example.com"))
				.andExpect(jsonPath("$.createdAt").isNumber());
		});
	}

	@Test
	void jobsStartFromTheQueuesConfiguredOptions() {
		CleoProperties properties = new CleoProperties();
		QueueOverrides emails = new QueueOverrides();
		emails.setRetries(5);
		properties.getQueues().put("emails", emails);
		this.runner.withBean(CleoSettings.class, () -> new CleoSettings(properties, false)).run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			String body = mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content("""
					{"type":"send-email","payload":{"to":"c@example.com"}}"""))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String id = body.replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
			assertThat(this.manager.task("emails", id).orElseThrow().maxAttempts()).isEqualTo(6);
		});
	}

	@Test
	void delayedJobSaysSoAndDuplicateReturnsTheFirst() {
		api((mvc) -> {
			String request = """
					{"type":"send-email","payload":{"to":"b@example.com"},
					 "options":{"delay":60000,"dedupeId":"welcome-b","group":"b","queue":"later"}}""";
			mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(request))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("delayed"))
				.andExpect(jsonPath("$.queue").value("later"));
			mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(request))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.duplicate").value(true))
				.andExpect(jsonPath("$.status").value("delayed"));
		});
	}

	@Test
	void malformedJsonIsAProblem() {
		api((mvc) -> mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content("{\"type\":"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.title").value("Malformed request body"))
			.andExpect(jsonPath("$.detail").value(containsString("not valid JSON"))));
	}

	@Test
	void unknownTypeIsAProblemThatNamesTheRegisteredOnes() {
		api((mvc) -> {
			mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"rm-rf\",\"payload\":{}}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(jsonPath("$.detail").value(containsString("Unknown job type 'rm-rf'")))
				.andExpect(jsonPath("$.detail").value(containsString("send-email")));
			assertThat(this.manager.counts("default").waiting()).isZero();
		});
	}

	@Test
	void outOfRangePriorityIsAProblem() {
		api((mvc) -> mvc
			.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"send-email\",\"payload\":{},\"options\":{\"priority\":1001}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("priority must be between 0 and 1000"))));
	}

	@Test
	void unknownPriorityWordIsAProblem() {
		api((mvc) -> mvc
			.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"send-email\",\"payload\":{},\"options\":{\"priority\":\"urgent\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("priority must be \"high\", \"normal\", \"low\""))));
	}

	@Test
	void negativeTtlIsAProblem() {
		api((mvc) -> mvc
			.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"send-email\",\"payload\":{},\"options\":{\"ttl\":-5}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("ttl must be zero or more milliseconds, was -5")));
	}

	@Test
	void unknownJobIsNotFound() {
		api((mvc) -> mvc.perform(get("/api/jobs/nope"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Job not found"))
			.andExpect(jsonPath("$.detail").value(containsString("No job 'nope'"))));
	}

	@Test
	void healthIsUpWhileRedisAnswers() {
		api((mvc) -> mvc.perform(get("/api/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP")));
	}

	@Test
	void reprocessRetriesDeadJobs() {
		WorkerPool pool = this.manager
			.startWorkers(WorkerPoolOptions.builder().name("t").queue("default").concurrency(2).build());
		String id = this.manager.enqueue("fail", "x", TaskOptions.defaults().maxAttempts(1)).id();
		await().until(() -> this.manager.counts("default").dead() == 1);
		pool.stop();
		api((mvc) -> mvc
			.perform(post("/api/dlq/reprocess").contentType(MediaType.APPLICATION_JSON)
				.content("{\"jobIds\":[\"" + id + "\"],\"maxJobs\":10}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reprocessed[0]").value(id))
			.andExpect(jsonPath("$.count").value(1))
			.andDo((result) -> {
				assertThat(this.manager.counts("default").dead()).isZero();
				assertThat(this.manager.counts("default").waiting()).isOne();
			}));
	}

	@Test
	void statusListsQueuesWithCounts() {
		this.manager.enqueue("send-email", new Email("c@example.com"), TaskOptions.defaults().queue("emails"));
		api((mvc) -> mvc.perform(get("/api/status"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("operational"))
			.andExpect(jsonPath("$.queues[0].name").value("emails"))
			.andExpect(jsonPath("$.queues[0].counts.waiting").value(1)));
	}

	@Test
	void cleanupRemovesCompletedJobs() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("emails").concurrency(2).build());
		this.manager.enqueue("send-email", new Email("d@example.com"), TaskOptions.defaults().queue("emails"));
		await().until(() -> this.manager.counts("emails").finished() == 1);
		api((mvc) -> mvc
			.perform(post("/api/cleanup").contentType(MediaType.APPLICATION_JSON)
				.content("{\"removeCompleted\":true,\"removeExpired\":true,\"olderThan\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.removed").value(1))
			.andExpect(jsonPath("$.queues.emails").value(1))
			.andDo((result) -> assertThat(this.manager.counts("emails").finished()).isZero()));
	}

	@Test
	void negativeOlderThanIsAProblem() {
		api((mvc) -> mvc
			.perform(post("/api/cleanup").contentType(MediaType.APPLICATION_JSON)
				.content("{\"removeCompleted\":true,\"olderThan\":-1,\"queue\":\"emails\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("olderThan"))));
	}

	/** Run calls against the API; the context closes the manager when it closes. */
	private void api(MvcCall call) {
		this.runner.run((context) -> call.accept(MockMvcBuilders.webAppContextSetup(context).build()));
	}

	@FunctionalInterface
	interface MvcCall {

		void accept(MockMvc mvc) throws Exception;

	}

	record Email(String to) {

	}

}
