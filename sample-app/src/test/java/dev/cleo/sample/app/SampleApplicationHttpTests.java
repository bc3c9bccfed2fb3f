/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.sample.app.embedded.EmbeddedRedisInitializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample application over real HTTP, against a {@code redis-server} started by the
 * test support: QueueFlow's job API with the named handlers, the {@code @Task} proxy
 * behind {@code POST /orders}, a slow report with progress, and the Actuator endpoints
 * (their writes as {@code admin}). The context is closed after the class, before the test
 * support stops Redis.
 */
@AutoConfigureMetrics
class SampleApplicationHttpTests extends AbstractSampleHttpTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private QueueManager manager;

	private SampleHttp admin;

	@BeforeEach
	void adminClient() {
		this.admin = this.http.asAdmin();
	}

	@Test
	void usesTheConfiguredRedisWithoutStartingOne() {
		assertThat(this.context.containsBean(EmbeddedRedisInitializer.BEAN_NAME)).isFalse();
	}

	@Test
	void sendEmailJobCompletesWithQueueFlowsAnswer() {
		ResponseEntity<JsonNode> created = this.http.post("/api/jobs", Map.of("type", "send-email", "payload",
				Map.of("to", "ada@example.com", "subject", "Welcome", "body", "Hello!")));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().get("queue").asString()).isEqualTo("notifications");
		JsonNode job = this.http.awaitJob(created.getBody().get("jobId").asString(), "completed", null);
		assertThat(job.get("result").get("success").asBoolean()).isTrue();
		assertThat(job.get("result").get("messageId").asString()).startsWith("msg-");
	}

	@Test
	void simulateWorkRetriesAndCompletesOnItsSecondAttempt() {
		String id = this.http.postWork(50, 1, 2);
		JsonNode job = this.http.awaitJob(id, "completed", null);
		assertThat(job.get("attempts").asInt()).isEqualTo(2);
		assertThat(job.get("queue").asString()).isEqualTo("work");
	}

	@Test
	void simulateWorkWithoutFailTimesCompletesOnItsFirstAttempt() {
		ResponseEntity<JsonNode> created = this.http.post("/api/jobs",
				Map.of("type", "simulate-work", "payload", Map.of("millis", 10)));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode job = this.http.awaitJob(created.getBody().get("jobId").asString(), "completed", null);
		assertThat(job.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void simulateWorkFailingEveryAttemptEndsDead() {
		String id = this.http.postWork(10, 5, 1);
		JsonNode job = this.http.awaitJob(id, "dead", null);
		assertThat(job.get("attempts").asInt()).isEqualTo(2);
		assertThat(job.get("maxAttempts").asInt()).isEqualTo(2);
		assertThat(job.get("error").asString()).contains("Simulated failure of attempt 2");
	}

	@Test
	void orderRunsThroughTheTaskProxyAndIsDeduplicated() {
		Map<String, Object> order = order("o-1");
		ResponseEntity<JsonNode> placed = this.http.post("/orders", order);
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String id = placed.getBody().get("taskId").asString();
		JsonNode job = this.http.awaitJob(id, "completed", "orders");
		assertThat(job.get("type").asString()).isEqualTo("place-order");
		ResponseEntity<JsonNode> again = this.http.post("/orders", order);
		assertThat(again.getBody().get("taskId").asString()).isEqualTo(id);
		assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();
	}

	@Test
	void checkoutAnswersWithTheReceiptOnceTheTaskCompleted() {
		ResponseEntity<JsonNode> receipt = this.http.post("/orders/checkout", order("o-2"));
		assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(receipt.getBody().get("orderId").asString()).isEqualTo("o-2");
		assertThat(receipt.getBody().get("total").decimalValue()).isEqualByComparingTo("25.00");
	}

	@Test
	void reportShowsProgressLogAndResult() {
		ResponseEntity<JsonNode> requested = this.http.post("/reports",
				Map.of("title", "Q3", "steps", 2, "millisPerStep", 50));
		assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String path = "/reports/" + requested.getBody().get("taskId").asString();
		JsonNode report = await().atMost(SampleHttp.WAIT)
			.until(() -> this.http.get(path).getBody(), (body) -> "completed".equals(body.get("status").asString()));
		assertThat(report.get("progress").asInt()).isEqualTo(100);
		assertThat(report.get("log").toString()).contains("Building 'Q3' in 2 steps");
		assertThat(report.get("report").get("rows").asInt()).isEqualTo(500);
	}

	@Test
	void healthHasTheCleoComponent() {
		JsonNode health = this.http.get("/actuator/health").getBody();
		assertThat(health.get("components").has("cleo")).isTrue();
		assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthIsUp() {
		ResponseEntity<JsonNode> health = this.http.get("/actuator/health");
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody().get("components").get("cleo").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void queuesEndpointListsTheSampleQueues() {
		this.http.awaitJob(this.http.postWork(10, 0, 0), "completed", null);
		JsonNode queues = this.http.get("/actuator/queues").getBody();
		assertThat(queues.get("queues").findValuesAsString("name")).contains("notifications", "orders", "reports",
				"work", "default");
		assertThat(queues.get("otherQueues").get("count").asInt()).isZero();
		JsonNode work = this.http.get("/actuator/queues/work").getBody();
		assertThat(work.get("counts").get("finished").asLong()).isPositive();
		assertThat(work.get("paused").asBoolean()).isFalse();
	}

	@Test
	void queuesEndpointPausesAndResumesAQueueOverHttp() {
		ResponseEntity<JsonNode> paused = this.admin.post("/actuator/queues/reports/pause", Map.of());
		assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.get("/actuator/queues/reports").getBody().get("paused").asBoolean()).isTrue();
		ResponseEntity<JsonNode> resumed = this.admin.post("/actuator/queues/reports/resume", Map.of());
		assertThat(resumed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.get("/actuator/queues/reports").getBody().get("paused").asBoolean()).isFalse();
	}

	@Test
	void queuesEndpointRetriesDeadLettersOverHttp() {
		String id = this.http.postWork(1, 9, 0);
		this.http.awaitJob(id, "dead", null);
		ResponseEntity<JsonNode> retried = this.admin.post("/actuator/queues/work/retry-dead-letters",
				Map.of("maxJobs", 10));
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retried.getBody().get("affected").asLong()).isPositive();
	}

	@Test
	void queuesEndpointCancelsAWaitingTaskOverHttp() {
		ResponseEntity<JsonNode> created = this.http.post("/api/jobs", Map.of("type", "simulate-work", "payload",
				Map.of("millis", 1, "failTimes", 0), "options", Map.of("delay", 3_600_000)));
		String id = created.getBody().get("jobId").asString();
		ResponseEntity<JsonNode> cancelled = this.admin.post("/actuator/queues/work/cancel", Map.of("id", id));
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.get("/api/jobs/" + id).getBody().get("status").asString()).isEqualTo("cancelled");
		ResponseEntity<JsonNode> again = this.admin.post("/actuator/queues/work/cancel", Map.of("id", id));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void queuesEndpointRemovesAStrayQueueOverHttp() {
		this.manager.enqueue("send-email", Map.of("to", "a@example.com"), TaskOptions.defaults().queue("stray"));
		assertThat(this.http.get("/actuator/queues").getBody().get("otherQueues").get("names").toString())
			.contains("stray");
		ResponseEntity<JsonNode> refused = this.admin.delete("/actuator/queues/stray");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("detail").asString()).contains("still has 1 waiting");
		ResponseEntity<JsonNode> removed = this.admin.delete("/actuator/queues/stray?withTasks=true");
		assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(removed.getBody().get("affected").asLong()).isOne();
		assertThat(this.http.get("/actuator/queues/stray").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void reportDigestIsScheduledAndItsScheduleIsRunThroughTheActuatorOverHttp() {
		// The test support empties Redis before each test, after the start-up declared
		// the application's schedules: declare them again, as the start-up does.
		Lifecycle reconciler = this.context.getBean("cleoScheduleReconciler", Lifecycle.class);
		reconciler.stop();
		reconciler.start();
		JsonNode digest = schedule("reports.digest");
		assertThat(digest.get("trigger").asString()).isEqualTo("cron '0 * * * * *' (SPRING, UTC)");
		assertThat(digest.get("overlap").asString()).isEqualTo("SKIP_IF_RUNNING");
		assertThat(digest.get("owner").asString()).isEqualTo("cleo-sample");
		assertThat(digest.get("nextFire").asString()).isNotEmpty();

		Map<String, String> body = Map.of("schedule", "reports.digest");
		assertThat(this.admin.post("/actuator/queues/reports/pause-schedule", body).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(schedule("reports.digest").get("paused").asBoolean()).isTrue();
		assertThat(this.admin.post("/actuator/queues/reports/resume-schedule", body).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(schedule("reports.digest").get("paused").asBoolean()).isFalse();

		ResponseEntity<JsonNode> triggered = this.admin.post("/actuator/queues/reports/trigger-schedule", body);
		assertThat(triggered.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode run = this.http.awaitJob(triggered.getBody().get("taskId").asString(), "completed", "reports");
		assertThat(run.get("type").asString()).isEqualTo("reports.digest");
		ResponseEntity<JsonNode> unknown = this.admin.post("/actuator/queues/reports/trigger-schedule",
				Map.of("schedule", "ghost"));
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void prometheusServesTheTaskMeters() {
		this.http.awaitJob(this.http.postWork(10, 0, 0), "completed", null);
		String scrape = this.http.text("/actuator/prometheus");
		assertThat(scrape).contains("cleo_tasks_completed", "task=\"simulate-work\"");
	}

	private JsonNode schedule(String name) {
		JsonNode reports = this.http.get("/actuator/queues/reports").getBody();
		for (JsonNode schedule : reports.get("schedules")) {
			if (schedule.get("name").asString().equals(name)) {
				return schedule;
			}
		}
		throw new AssertionError("No schedule " + name + " in " + reports.get("schedules"));
	}

	static Map<String, Object> order(String id) {
		return Map.of("id", id, "customerId", "c-1", "email", "bob@example.org", "lines",
				new Object[] { Map.of("sku", "book", "quantity", 2, "unitPrice", 12.50) });
	}

}
