/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.fuzz;

import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.awaitility.Awaitility.await;

/**
 * The well-behaved calls the fuzz test makes afterwards, to see that the application
 * still works: read health, enqueue a job, wait until it completes.
 */
final class FuzzClient {

	private final RestClient client;

	FuzzClient(int port) {
		this.client = RestClient.create("http://localhost:" + port);
	}

	JsonNode get(String path) {
		return this.client.get().uri(path).exchange((request, response) -> response.bodyTo(JsonNode.class));
	}

	String postJob(Map<String, Object> job) {
		JsonNode created = this.client.post()
			.uri("/api/jobs")
			.contentType(MediaType.APPLICATION_JSON)
			.body(job)
			.retrieve()
			.body(JsonNode.class);
		return created.get("jobId").asString();
	}

	void awaitCompleted(String jobId) {
		await().atMost(Duration.ofSeconds(30))
			.alias("job " + jobId + " completes")
			.until(() -> get("/api/jobs/" + jobId), (job) -> "completed".equals(job.path("status").asString()));
	}

}
