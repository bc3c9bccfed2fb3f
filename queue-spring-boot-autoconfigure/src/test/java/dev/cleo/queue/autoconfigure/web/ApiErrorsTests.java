/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;

import static dev.cleo.queue.autoconfigure.web.ApiRunner.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every error of the API is an RFC 9457 problem whose detail is bounded and says nothing
 * of the server's internals, whatever the request.
 */
class ApiErrorsTests extends AbstractQueueManagerTests {

	private static final String PROBLEM = "application/problem+json";

	private WebApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		this.manager.register("send-email", (task) -> Map.of());
		this.runner = ApiRunner.on(this.manager).withPropertyValues("cleo.web.api.task-queues.send-email=emails");
	}

	@Test
	void malformedJsonIsAProblemWithoutJacksonInternals() {
		ApiRunner.run(this.runner,
				(mvc) -> internalsFree(postJson(mvc, "/api/jobs", "{\"type\":").andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.title").value("Malformed request body"))
					.andExpect(jsonPath("$.detail").value(containsString("not valid JSON")))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "[]", "5", "\"text\"", "null", "{\"type\":\"a\",\"type\":\"b\"}",
			"{\"type\":\"send-email\"} {}", "{\"payload\":{\"a\":1,\"a\":2}}", "{\"options\":[]}", "{\"options\":\"\"}",
			"{\"type\":{}}",
			"{\"payload\":1233333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"
					+ "33333333333333333333333333333333333333333333333333333333333333333333333333333333333}",
			"{\"type\":\"java.lang.Runtime\",\"payload\":{\"@class\":\"java.lang.ProcessBuilder\"}}",
			"{\"type\":\"${jndi:ldap://x}\",\"payload\":\"#{T(java.lang.System).exit(0)}\"}",
			"{\"type\":\"send-email\",\"options\":{\"priority\":{\"a\":1}}}",
			"{\"type\":\"send-email\",\"options\":{\"priority\":5.5}}" })
	void badBodiesAreBadRequestsWithoutInternals(String body) {
		ApiRunner.run(this.runner,
				(mvc) -> internalsFree(postJson(mvc, "/api/jobs", body).andExpect(status().isBadRequest())));
	}

	@Test
	void emptyBodyIsAProblemThatShowsNoMethodSignature() {
		ApiRunner.run(this.runner,
				(mvc) -> internalsFree(postJson(mvc, "/api/jobs", "").andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail").value("The request body is empty: send a JSON object"))));
	}

	@Test
	void unknownOptionIsRefusedNamingItAndTheKnownOnes() {
		ApiRunner.run(this.runner,
				(mvc) -> internalsFree(postJson(mvc, "/api/jobs", "{\"type\":\"send-email\",\"options\":{\"delai\":5}}")
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail").value(allOf(containsString("Unknown property 'options.delai'"),
							containsString("dedupeId, delay, group, maxRetries, priority, queue, timeout, ttl"))))));
	}

	@Test
	void detailRepeatsAtMostAHundredCharactersOfInputWithControlCharactersEscaped() {
		String type = "x\n18:00:00.000 ERROR FORGED" + "y".repeat(1_000_000);
		ApiRunner.run(this.runner, (mvc) -> {
			String answer = postJson(mvc, "/api/jobs", "{\"type\":\"" + type.replace("\n", "\\n") + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("'x\\n18:00:00.000 ERROR FORGEDyyy")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(answer).hasSizeLessThan(1000).doesNotContain("y".repeat(dev.cleo.queue.Texts.MAX_QUOTED + 1));
		});
	}

	@Test
	void missingContentTypeIsA415Problem() {
		ApiRunner.run(this.runner, (mvc) -> {
			internalsFree(mvc.perform(post("/api/jobs").content("{\"type\":\"send-email\"}"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(jsonPath("$.detail").value(containsString("application/json"))));
			assertThat(this.manager.queues()).isEmpty();
		});
	}

	@Test
	void wrongContentTypeIsA415Problem() {
		ApiRunner.run(this.runner, (mvc) -> internalsFree(mvc
			.perform(post("/api/cleanup").contentType(MediaType.TEXT_PLAIN).content("{\"removeCompleted\":true}"))
			.andExpect(status().isUnsupportedMediaType())));
	}

	@Test
	void wrongMethodIsA405Problem() {
		ApiRunner.run(this.runner,
				(mvc) -> internalsFree(mvc.perform(get("/api/cleanup"))
					.andExpect(status().isMethodNotAllowed())
					.andExpect(header().string("Allow", containsString("POST")))));
	}

	@Test
	void unknownPathUnderTheApiIsA404Problem() {
		ApiRunner.run(this.runner, (mvc) -> {
			internalsFree(mvc.perform(get("/api/nope")).andExpect(status().isNotFound()));
			internalsFree(mvc.perform(delete("/api/jobs/x/y/z")).andExpect(status().isNotFound()));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "x%0Ay", "%C3%A9", "1234567890123456789012345678901234567890123456789012345678901"
			+ "234567890123456789012345678901234567890123" })
	void badJobIdIsA400Problem(String id) {
		ApiRunner.run(this.runner,
				(mvc) -> internalsFree(mvc.perform(get("/api/jobs/" + id))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.title").value("Invalid job id"))));
	}

	@Test
	void bodyLargerThanTheLimitIsA413ProblemNamingIt() {
		byte[] body = new byte[20 * 1024 * 1024];
		ApiRunner.run(this.runner,
				(mvc) -> internalsFree(
						mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(body))
							.andExpect(status().is(413))
							.andExpect(jsonPath("$.detail").value(containsString("cleo.max-payload-size")))
							.andExpect(jsonPath("$.maxPayloadSize").value(1024 * 1024))));
	}

	@Test
	void payloadWithinTheBodyLimitButOverTheCoreLimitIsA413() {
		// the body's limit leaves room for the type and options: this payload fills it
		String payload = "\"" + "a".repeat(1024 * 1024) + "\"";
		ApiRunner.run(this.runner, (mvc) -> {
			internalsFree(postJson(mvc, "/api/jobs", "{\"type\":\"send-email\",\"payload\":" + payload + "}")
				.andExpect(status().is(413))
				.andExpect(
						jsonPath("$.detail").value(containsString("1048578 bytes as JSON, over the limit of 1048576")))
				.andExpect(jsonPath("$.maxPayloadSize").value(1024 * 1024)));
			assertThat(this.manager.queues()).isEmpty();
		});
	}

	private static ResultActions internalsFree(ResultActions result) throws Exception {
		return result.andExpect(header().string("Content-Type", startsWith(PROBLEM)))
			.andExpect(jsonPath("$.status").isNumber())
			.andExpect(jsonPath("$.title").isString())
			.andExpect(jsonPath("$.detail").value(allOf(not(containsString("REDACTED")),
					not(containsString("dev.cleo")), not(containsString("java.lang.String")),
					not(containsString("java.lang.Integer")), not(containsString("tools.jackson")),
					not(containsString("`")), not(containsString("JobRequest")), not(containsString("Exception")))));
	}

}
