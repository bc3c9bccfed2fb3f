/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cleo.queue.QueueManager;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample ships with its writes protected: every write of Actuator and of the HTTP API
 * needs HTTP Basic as {@code admin} (authority {@code CLEO_ADMIN}), while reads,
 * enqueueing and the sample's own endpoints stay open, without credentials and without a
 * CSRF token.
 */
class SampleSecurityHttpTests extends AbstractSampleHttpTests {

	/** Every write the sample serves, with a body each would take. */
	private static final List<Write> WRITES = List.of(new Write(HttpMethod.POST, "/actuator/queues/work/pause"),
			new Write(HttpMethod.POST, "/actuator/queues/work/purge-dead-letters"),
			new Write(HttpMethod.POST, "/actuator/queues/work/cancel"),
			new Write(HttpMethod.DELETE, "/actuator/queues/work"), new Write(HttpMethod.POST, "/api/dlq/reprocess"),
			new Write(HttpMethod.POST, "/api/cleanup"), new Write(HttpMethod.POST, "/api/jobs/some-id/cancel"));

	@Autowired
	private QueueManager manager;

	@Autowired
	private UserDetailsService users;

	@Test
	void everyWriteAsksAnonymousCallersForBasicCredentials() {
		for (Write write : WRITES) {
			ResponseEntity<JsonNode> response = this.http.exchange(write.method(), write.path(), Map.of());
			assertThat(response.getStatusCode()).as("%s", write).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
			assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.as("%s", write)
				.isTrue();
			assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
			assertThat(response.getBody().get("detail").asString()).contains("CLEO_ADMIN");
		}
		assertThat(this.manager.queueInfo("work").paused()).isFalse();
	}

	@Test
	void everyWriteRefusesAWrongPassword() {
		SampleHttp intruder = this.http.as("admin", "guess");
		for (Write write : WRITES) {
			assertThat(intruder.exchange(write.method(), write.path(), Map.of()).getStatusCode()).as("%s", write)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	@Test
	void theAdminMayWrite() {
		ResponseEntity<JsonNode> paused = this.http.asAdmin().post("/actuator/queues/work/pause", Map.of());
		assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.manager.queueInfo("work").paused()).isTrue();
		assertThat(this.http.asAdmin().post("/actuator/queues/work/resume", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.http.asAdmin().post("/api/dlq/reprocess", Map.of("queue", "work")).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void readsEnqueueingAndTheSamplesOwnEndpointsNeedNoCredentials() {
		assertThat(this.http.get("/actuator/queues").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.get("/actuator/queues/work").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.get("/api/status").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http
			.post("/api/jobs", Map.of("type", "simulate-work", "payload", Map.of("millis", 1, "failTimes", 0)))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.http.post("/orders", SampleApplicationHttpTests.order("o-open")).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
		assertThat(this.http.post("/reports", Map.of("title", "Q4", "steps", 1, "millisPerStep", 0)).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
	}

	@Test
	void theAdminsPasswordIsNotReEncodedAtLogin() {
		// Re-encoded with BCrypt, every Basic call after the first would cost a BCrypt
		// round of CPU: a cheap way to load the server.
		assertThat(this.http.asAdmin().get("/actuator/queues").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.users.loadUserByUsername("admin").getPassword()).isEqualTo("{noop}admin");
	}

	@Test
	void noCallOpensASession() {
		ResponseEntity<JsonNode> response = this.http.asAdmin().post("/actuator/queues/work/resume", Map.of());
		assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
	}

	private record Write(HttpMethod method, String path) {

	}

}
