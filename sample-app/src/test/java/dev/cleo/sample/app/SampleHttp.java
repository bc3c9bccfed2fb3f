/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample application's HTTP calls as its tests make them: any status comes back as a
 * response (none throws), JSON bodies are read as trees, and {@link #asAdmin()} adds the
 * sample user's HTTP Basic credentials that every write needs.
 */
final class SampleHttp {

	static final Duration WAIT = Duration.ofSeconds(20);

	private final RestClient client;

	private final Consumer<HttpHeaders> credentials;

	private SampleHttp(RestClient client, Consumer<HttpHeaders> credentials) {
		this.client = client;
		this.credentials = credentials;
	}

	/**
	 * Calls without credentials.
	 * @param port the application's port
	 * @return the calls
	 */
	static SampleHttp to(int port) {
		return new SampleHttp(RestClient.create("http://localhost:" + port), (headers) -> {
		});
	}

	/**
	 * The same calls as {@code admin} with the sample's default password.
	 * @return the calls
	 */
	SampleHttp asAdmin() {
		return as("admin", "admin");
	}

	/**
	 * The same calls with HTTP Basic credentials.
	 * @param user the user
	 * @param password the password
	 * @return the calls
	 */
	SampleHttp as(String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
		return new SampleHttp(this.client, (headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Basic " + token));
	}

	ResponseEntity<JsonNode> get(String path) {
		return exchange(HttpMethod.GET, path, null);
	}

	/** A GET whose body is text, such as a Prometheus scrape. */
	String text(String path) {
		return this.client.get().uri(path).headers(this.credentials).retrieve().body(String.class);
	}

	ResponseEntity<JsonNode> post(String path, Object body) {
		return exchange(HttpMethod.POST, path, body);
	}

	ResponseEntity<JsonNode> delete(String path) {
		return exchange(HttpMethod.DELETE, path, null);
	}

	ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
		RestClient.RequestBodySpec request = this.client.method(method).uri(path).headers(this.credentials);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange((sent, response) -> ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.body(readJson(response)));
	}

	/** Wait until the job has the status, reading it through the HTTP API. */
	JsonNode awaitJob(String id, String status, String queue) {
		String path = "/api/jobs/" + id + ((queue != null) ? "?queue=" + queue : "");
		return await().atMost(WAIT)
			.until(() -> get(path).getBody(),
					(job) -> job != null && job.has("status") && status.equals(job.get("status").asString()));
	}

	/** Enqueue simulate-work through the HTTP API; returns the job id. */
	String postWork(long millis, int failTimes, int maxRetries) {
		ResponseEntity<JsonNode> created = post("/api/jobs", Map.of("type", "simulate-work", "payload",
				Map.of("millis", millis, "failTimes", failTimes), "options", Map.of("maxRetries", maxRetries)));
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		return created.getBody().get("jobId").asString();
	}

	private static JsonNode readJson(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
		try {
			return response.bodyTo(JsonNode.class);
		}
		catch (RuntimeException ex) {
			// Not JSON (an empty 401, say): the status tells enough.
			return null;
		}
	}

}
