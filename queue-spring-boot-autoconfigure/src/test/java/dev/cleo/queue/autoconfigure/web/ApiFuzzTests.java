/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Throws {@value #REQUESTS} generated requests (seeded, so a failure repeats) at every
 * path of the API: wrong JSON types, huge numbers, deep nesting, control characters,
 * query parameters of every kind (times, numbers, outcomes, states, junk), class names
 * and expression-looking text, odd content types and methods, path tricks. None may
 * answer 5xx or take over two seconds, every error must be a bounded problem, and
 * afterwards the API is healthy and a normal job completes.
 */
class ApiFuzzTests extends AbstractQueueManagerTests {

	private static final int REQUESTS = 10_000;

	private static final long SEED = 20261201L;

	private static final List<String> HISTORY = List.of("queue", "task", "group", "worker", "outcome", "since", "until",
			"limit", "cursor", "resolution");

	private static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint(HttpMethod.POST, "/api/jobs", List.of("type", "payload", "options"), List.of()),
			new Endpoint(HttpMethod.POST, "/api/jobs", List.of("type", "payload", "options"), List.of()),
			new Endpoint(HttpMethod.POST, "/api/jobs", List.of("type", "payload", "options"), List.of()),
			new Endpoint(HttpMethod.GET, "/api/jobs/%s", List.of(), List.of()),
			new Endpoint(HttpMethod.GET, "/api/jobs/%s/attempts", List.of(), List.of()),
			new Endpoint(HttpMethod.POST, "/api/jobs/%s/cancel", List.of(), List.of()),
			new Endpoint(HttpMethod.GET, "/api/status", List.of(), List.of()),
			new Endpoint(HttpMethod.GET, "/api/health", List.of(), List.of()),
			new Endpoint(HttpMethod.GET, "/api/history", List.of(), HISTORY),
			new Endpoint(HttpMethod.GET, "/api/history/stats", List.of(), HISTORY),
			new Endpoint(HttpMethod.GET, "/api/history/errors", List.of(), HISTORY),
			new Endpoint(HttpMethod.GET, "/api/tasks", List.of(), List.of("state", "order", "limit", "cursor")),
			new Endpoint(HttpMethod.GET, "/api/workers", List.of(), List.of("pool")),
			new Endpoint(HttpMethod.POST, "/api/dlq/reprocess", List.of("jobIds", "maxJobs", "queue"), List.of()),
			new Endpoint(HttpMethod.POST, "/api/cleanup",
					List.of("removeCompleted", "removeExpired", "olderThan", "queue"), List.of()),
			new Endpoint(HttpMethod.GET, "/api/%s", List.of(), List.of()),
			new Endpoint(HttpMethod.POST, "/api/jobs/%s/%s", List.of(), List.of()));

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json;charset=UTF-8",
			"text/plain", "application/x-www-form-urlencoded", "application/problem+json", "", "*/*", "application/xml",
			"multipart/form-data; boundary=x");

	private static final List<HttpMethod> METHODS = List.of(HttpMethod.POST, HttpMethod.POST, HttpMethod.POST,
			HttpMethod.GET, HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

	@BeforeEach
	void setUp() {
		this.manager.register("send-email", (task) -> Map.of("ok", true));
	}

	@Test
	void generatedRequestsNeverFailTheServer() {
		ApiRunner.run(
				ApiRunner.on(this.manager)
					.withBean(WriteAccess.class, ApiRunner::authorised)
					.withPropertyValues("cleo.web.api.task-queues.send-email=emails", "cleo.queues.emails.timeout=30s"),
				(mvc) -> {
					Random random = new Random(SEED);
					FuzzValues values = new FuzzValues(random);
					Map<Integer, Integer> statuses = new TreeMap<>();
					for (int i = 0; i < REQUESTS; i++) {
						statuses.merge(check(i, mvc, generated(random, values)), 1, Integer::sum);
					}
					// the generator reaches the API's logic, not only its parsers
					assertThat(statuses).containsKeys(200, 201, 400, 404, 405, 413, 415);
					mvc.perform(get("/api/health"))
						.andDo((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
					this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("emails").build());
					String id = this.manager.enqueue("send-email", "after", TaskOptions.defaults().queue("emails"))
						.id();
					await().atMost(Duration.ofSeconds(20))
						.until(() -> this.manager.task("emails", id).orElseThrow().state().isFinal());
					assertThat(this.manager.task("emails", id).orElseThrow().state().value()).isEqualTo("completed");
					assertThat(this.manager.queues())
						.allSatisfy((queue) -> assertThat(queue).isIn("default", "emails"));
				});
	}

	private MockHttpServletRequestBuilder generated(Random random, FuzzValues values) {
		Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
		String path = String.format(endpoint.path(), values.pathSegment(), values.pathSegment());
		// mostly the endpoint's own method and type, so the API's logic is reached
		HttpMethod method = (random.nextInt(8) > 0) ? endpoint.method() : METHODS.get(random.nextInt(METHODS.size()));
		MockHttpServletRequestBuilder builder = request(method, path);
		String contentType = (random.nextInt(4) > 0) ? "application/json"
				: CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
		if (!contentType.isEmpty()) {
			builder.header("Content-Type", contentType);
		}
		if (random.nextInt(4) == 0) {
			builder.param("queue", values.text());
		}
		for (String parameter : endpoint.parameters()) {
			if (random.nextInt(3) == 0) {
				builder.param(parameter, values.parameter());
			}
		}
		String body = (random.nextInt(500) == 0) ? values.huge() : values.body(endpoint.fields());
		return builder.content(body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A path of the API, the method it takes, the fields of its body and the query
	 * parameters it takes (or may be sent by mistake).
	 */
	record Endpoint(HttpMethod method, String path, List<String> fields, List<String> parameters) {

	}

	private static int check(int i, MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
		long start = System.nanoTime();
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		String body = response.getContentAsString();
		assertThat(response.getStatus()).as("request %d answered %s", i, body).isLessThan(500);
		assertThat(took).as("request %d", i).isLessThan(Duration.ofSeconds(2));
		if (response.getStatus() >= 400) {
			assertThat(response.getContentType()).as("request %d", i).isEqualTo("application/problem+json");
			assertThat(body).as("request %d", i)
				.hasSizeLessThan(1200)
				.doesNotContain("tools.jackson")
				.doesNotContain("REDACTED");
		}
		return response.getStatus();
	}

}
