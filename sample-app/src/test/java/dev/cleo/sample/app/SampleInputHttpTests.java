/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What hostile or broken input does to the sample: its own endpoints and the Actuator
 * endpoint answer 400 (or 404) problems that neither echo nor log the value sent, a
 * forged log line in a payload stays on its own line, and work that would park a worker
 * for good is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleInputHttpTests extends AbstractSampleHttpTests {

	private static final String FORGED = "\n18:00:00.000 ERROR [main] d.c.Security - FORGED";

	private static final String HUGE = "y".repeat(100_000);

	@Test
	void anOrderWithAnInvalidCustomerIsABadRequestThatLogsNothingOfIt(CapturedOutput output) {
		for (String customer : List.of("c-1" + FORGED, HUGE, "c\n" + HUGE)) {
			ResponseEntity<JsonNode> response = this.http.post("/orders", order("o-bad", customer, "bob@example.org"));
			assertProblem(response, 400);
			assertThat(response.getBody().get("detail").asString())
				.isEqualTo("customerId must be 1 to 100 characters without control characters");
			assertThat(this.http.post("/orders/checkout", order("o-bad", customer, "bob@example.org")).getStatusCode())
				.isEqualTo(HttpStatus.BAD_REQUEST);
		}
		assertThat(output.getAll()).doesNotContain("yyyyyyyyyy", "FORGED");
	}

	@Test
	void malformedOrdersAreBadRequestsNamingTheField() {
		assertThat(detail(this.http.post("/orders", order("o 1", "c-1", "bob@example.org")))).startsWith("id must be");
		assertThat(detail(this.http.post("/orders", order("o-1", "c-1", "not-an-address")))).startsWith("email must");
		assertThat(detail(this.http.post("/orders", Map.of("id", "o-1", "customerId", "c-1", "email", "b@x.org"))))
			.startsWith("lines must");
		assertThat(detail(this.http.post("/orders", "[1, 2]"))).startsWith("The body is not JSON of the shape");
		assertThat(detail(this.http.post("/orders", Map.of("id", Map.of("deep", List.of(1))))))
			.startsWith("The body is not JSON of the shape");
	}

	@Test
	void anInvalidReportRequestIsABadRequest() {
		assertThat(detail(this.http.post("/reports", Map.of("title", HUGE, "steps", 1, "millisPerStep", 0))))
			.isEqualTo("title must be 1 to 200 characters without control characters");
		assertThat(
				detail(this.http.post("/reports", Map.of("title", "Q", "steps", 1, "millisPerStep", Long.MAX_VALUE))))
			.isEqualTo("steps must be 1 to 100 and millisPerStep 0 to 60000");
	}

	@Test
	void aForgedLineInAnEmailAddressStaysInsideTheMailersLine(CapturedOutput output) {
		ResponseEntity<JsonNode> created = this.http.post("/api/jobs", Map.of("type", "send-email", "payload",
				Map.of("to", "ada@example.com" + FORGED, "subject", "Hi", "body", "Hello")));
		this.http.awaitJob(created.getBody().get("jobId").asString(), "completed", null);
		assertThat(output.getAll()).contains("a recipient at 'example.com\\n18:00:00.000 ERROR");
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("18:00:00.000 ERROR"));
	}

	@Test
	void workLongerThanAMinuteIsRefusedWithoutRetriesAndHoldsNoSlot() {
		String id = this.http.postWork(Long.MAX_VALUE, 0, 2);
		JsonNode job = this.http.awaitJob(id, "dead", null);
		assertThat(job.get("attempts").asInt()).isOne();
		assertThat(job.get("error").asString()).contains("millis must be 0 to 60000");
		this.http.awaitJob(this.http.postWork(1, 0, 0), "completed", null);
	}

	@Test
	void theQueuesEndpointAnswersInvalidNamesWithABadRequestAndUnknownOnesWithNotFound() {
		for (String name : List.of("*", "q".repeat(101), "a b")) {
			ResponseEntity<JsonNode> response = this.http.get("/actuator/queues/" + name);
			assertProblem(response, 400);
			assertThat(response.getBody().get("detail").asString()).contains("is invalid: use 1 to 100 letters")
				.hasSizeLessThan(300);
		}
		ResponseEntity<JsonNode> unknown = this.http.get("/actuator/queues/ghost");
		assertProblem(unknown, 404);
		assertThat(unknown.getBody().get("title").asString()).isEqualTo("Not Found");
	}

	@Test
	void aHealthPathBelowAnUnknownComponentIsNotFound(CapturedOutput output) {
		for (String path : List.of("/actuator/health/ghost/x", "/actuator/health/ghost/x/y",
				"/actuator/health/cleo/x")) {
			assertThat(this.http.get(path).getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertProblem(this.http.get("/actuator/health/ghost/x"), 404);
		assertThat(this.http.get("/actuator/health/cleo").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(output.getAll()).doesNotContain("must not be null", "Exception");
	}

	@Test
	void errorsSpringRaisesBeforeTheEndpointRunsAreProblemsToo() {
		SampleHttp admin = this.http.asAdmin();
		assertProblem(admin.exchange(HttpMethod.POST, "/actuator/queues/work/pause", null), 415);
		assertProblem(admin.exchange(HttpMethod.PUT, "/actuator/queues", null), 405);
		assertThat(this.http.get("/actuator/queues/work").getBody().get("paused").asBoolean()).isFalse();
	}

	@Test
	void theQueuesEndpointBoundsMaxJobs() {
		ResponseEntity<JsonNode> response = this.http.asAdmin()
			.post("/actuator/queues/work/retry-dead-letters", Map.of("maxJobs", 10_001));
		assertProblem(response, 400);
		assertThat(response.getBody().get("detail").asString()).isEqualTo("maxJobs must be 1 to 10000, was 10001");
	}

	private static Map<String, Object> order(String id, String customer, String email) {
		return Map.of("id", id, "customerId", customer, "email", email, "lines",
				List.of(Map.of("sku", "book", "quantity", 1, "unitPrice", 2.5)));
	}

	private static String detail(ResponseEntity<JsonNode> response) {
		assertProblem(response, 400);
		return response.getBody().get("detail").asString();
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, int status) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("application/problem+json");
		assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
	}

}
