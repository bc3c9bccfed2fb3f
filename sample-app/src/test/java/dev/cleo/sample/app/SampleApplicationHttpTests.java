/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.sample.app.embedded.EmbeddedRedisInitializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample application over real HTTP, against a {@code redis-server} started by the
 * test support: QueueFlow's job API with the named handlers, the {@code @Task} proxy
 * behind {@code POST /orders}, a slow report with progress, and the Actuator endpoints.
 * The context is closed after the class, before the test support stops Redis.
 */
@RedisTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@DirtiesContext
class SampleApplicationHttpTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static RedisServer redis;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	private RestClient http;

	@BeforeAll
	static void useRedis(RedisServer server) {
		redis = server;
	}

	@DynamicPropertySource
	static void redisUrl(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> redis.uri());
	}

	@BeforeEach
	void client() {
		this.http = RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void usesTheConfiguredRedisWithoutStartingOne() {
		assertThat(this.context.containsBean(EmbeddedRedisInitializer.BEAN_NAME)).isFalse();
	}

	@Test
	void sendEmailJobCompletesWithQueueFlowsAnswer() {
		ResponseEntity<JsonNode> created = post("/api/jobs", Map.of("type", "send-email", "payload",
				Map.of("to", "ada@example.com", "subject", "Welcome", "body", "Hello!")));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().get("queue").asString()).isEqualTo("notifications");
		JsonNode job = awaitJob(created.getBody().get("jobId").asString(), "completed");
		assertThat(job.get("result").get("success").asBoolean()).isTrue();
		assertThat(job.get("result").get("messageId").asString()).startsWith("msg-");
	}

	@Test
	void simulateWorkRetriesAndCompletesOnItsSecondAttempt() {
		String id = postWork(50, 1, 2);
		JsonNode job = awaitJob(id, "completed");
		assertThat(job.get("attempts").asInt()).isEqualTo(2);
		assertThat(job.get("queue").asString()).isEqualTo("work");
	}

	@Test
	void simulateWorkFailingEveryAttemptEndsDead() {
		String id = postWork(10, 5, 1);
		JsonNode job = awaitJob(id, "dead");
		assertThat(job.get("attempts").asInt()).isEqualTo(2);
		assertThat(job.get("maxAttempts").asInt()).isEqualTo(2);
		assertThat(job.get("error").asString()).contains("Simulated failure of attempt 2");
	}

	@Test
	void unknownJobTypeIsABadRequestNamingTheRegisteredTypes() {
		ResponseEntity<JsonNode> response = post("/api/jobs", Map.of("type", "rm-rf", "payload", Map.of()));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("detail").asString()).contains("send-email", "simulate-work");
	}

	@Test
	void orderRunsThroughTheTaskProxyAndIsDeduplicated() {
		Map<String, Object> order = order("o-1");
		ResponseEntity<JsonNode> placed = post("/orders", order);
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String id = placed.getBody().get("taskId").asString();
		JsonNode job = awaitJob(id, "completed", "orders");
		assertThat(job.get("type").asString()).isEqualTo("place-order");
		ResponseEntity<JsonNode> again = post("/orders", order);
		assertThat(again.getBody().get("taskId").asString()).isEqualTo(id);
		assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();
	}

	@Test
	void checkoutAnswersWithTheReceiptOnceTheTaskCompleted() {
		ResponseEntity<JsonNode> receipt = post("/orders/checkout", order("o-2"));
		assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(receipt.getBody().get("orderId").asString()).isEqualTo("o-2");
		assertThat(receipt.getBody().get("total").decimalValue()).isEqualByComparingTo("25.00");
	}

	@Test
	void reportShowsProgressLogAndResult() {
		ResponseEntity<JsonNode> requested = post("/reports", Map.of("title", "Q3", "steps", 2, "millisPerStep", 50));
		assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String path = "/reports/" + requested.getBody().get("taskId").asString();
		JsonNode report = await().atMost(WAIT)
			.until(() -> get(path).getBody(), (body) -> "completed".equals(body.get("status").asString()));
		assertThat(report.get("progress").asInt()).isEqualTo(100);
		assertThat(report.get("log").toString()).contains("Building 'Q3' in 2 steps");
		assertThat(report.get("report").get("rows").asInt()).isEqualTo(500);
	}

	@Test
	void healthHasTheCleoComponent() {
		JsonNode health = get("/actuator/health").getBody();
		assertThat(health.get("components").has("cleo")).isTrue();
		assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthIsUp() {
		ResponseEntity<JsonNode> health = get("/actuator/health");
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody().get("components").get("cleo").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void queuesEndpointListsTheSampleQueues() {
		awaitJob(postWork(10, 0, 0), "completed");
		JsonNode queues = get("/actuator/queues").getBody();
		assertThat(queues.get("queues").toString()).contains("\"work\"");
		JsonNode work = get("/actuator/queues/work").getBody();
		assertThat(work.get("counts").get("finished").asLong()).isPositive();
		assertThat(work.get("paused").asBoolean()).isFalse();
	}

	@Test
	void queuesEndpointPausesAndResumesAQueueOverHttp() {
		ResponseEntity<JsonNode> paused = post("/actuator/queues/reports/pause", Map.of());
		assertThat(paused.getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(get("/actuator/queues/reports").getBody().get("paused").asBoolean()).isTrue();
		ResponseEntity<JsonNode> resumed = post("/actuator/queues/reports/resume", Map.of());
		assertThat(resumed.getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(get("/actuator/queues/reports").getBody().get("paused").asBoolean()).isFalse();
	}

	@Test
	void queuesEndpointRetriesDeadLettersOverHttp() {
		String id = postWork(1, 9, 0);
		awaitJob(id, "dead");
		ResponseEntity<JsonNode> retried = post("/actuator/queues/work/retry-dead-letters", Map.of("maxJobs", 10));
		assertThat(retried.getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(retried.getBody().get("affected").asLong()).isPositive();
	}

	@Test
	void reportDigestIsScheduledAndItsScheduleIsRunThroughTheActuatorOverHttp() {
		// The test support empties Redis before each test, after the start-up declared
		// the
		// application's schedules: declare them again, as the start-up does.
		Lifecycle reconciler = this.context.getBean("cleoScheduleReconciler", Lifecycle.class);
		reconciler.stop();
		reconciler.start();
		JsonNode digest = schedule("reports.digest");
		assertThat(digest.get("trigger").asString()).isEqualTo("cron '0 * * * * *' (SPRING, UTC)");
		assertThat(digest.get("overlap").asString()).isEqualTo("SKIP_IF_RUNNING");
		assertThat(digest.get("owner").asString()).isEqualTo("cleo-sample");
		assertThat(digest.get("nextFire").asString()).isNotEmpty();

		Map<String, String> body = Map.of("schedule", "reports.digest");
		assertThat(post("/actuator/queues/reports/pause-schedule", body).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(schedule("reports.digest").get("paused").asBoolean()).isTrue();
		assertThat(post("/actuator/queues/reports/resume-schedule", body).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(schedule("reports.digest").get("paused").asBoolean()).isFalse();

		ResponseEntity<JsonNode> triggered = post("/actuator/queues/reports/trigger-schedule", body);
		assertThat(triggered.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode run = awaitJob(triggered.getBody().get("taskId").asString(), "completed", "reports");
		assertThat(run.get("type").asString()).isEqualTo("reports.digest");
		ResponseEntity<JsonNode> unknown = post("/actuator/queues/reports/trigger-schedule",
				Map.of("schedule", "ghost"));
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void prometheusServesTheTaskMeters() {
		awaitJob(postWork(10, 0, 0), "completed");
		String scrape = this.http.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).contains("cleo_tasks_completed", "task=\"simulate-work\"");
	}

	private String postWork(long millis, int failTimes, int maxRetries) {
		ResponseEntity<JsonNode> created = post("/api/jobs", Map.of("type", "simulate-work", "payload",
				Map.of("millis", millis, "failTimes", failTimes), "options", Map.of("maxRetries", maxRetries)));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("jobId").asString();
	}

	private JsonNode awaitJob(String id, String status) {
		return awaitJob(id, status, null);
	}

	private JsonNode awaitJob(String id, String status, String queue) {
		String path = "/api/jobs/" + id + ((queue != null) ? "?queue=" + queue : "");
		return await().atMost(WAIT)
			.until(() -> get(path).getBody(),
					(job) -> job != null && job.has("status") && status.equals(job.get("status").asString()));
	}

	private JsonNode schedule(String name) {
		JsonNode reports = get("/actuator/queues/reports").getBody();
		for (JsonNode schedule : reports.get("schedules")) {
			if (schedule.get("name").asString().equals(name)) {
				return schedule;
			}
		}
		throw new AssertionError("No schedule " + name + " in " + reports.get("schedules"));
	}

	private static Map<String, Object> order(String id) {
		return Map.of("id", id, "customerId", "c-1", "email", "bob@example.org", "lines",
				new Object[] { Map.of("sku", "book", "quantity", 2, "unitPrice", 12.50) });
	}

	private ResponseEntity<JsonNode> get(String path) {
		return this.http.get()
			.uri(path)
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(response.bodyTo(JsonNode.class)));
	}

	private ResponseEntity<JsonNode> post(String path, Object body) {
		return this.http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(response.bodyTo(JsonNode.class)));
	}

}
