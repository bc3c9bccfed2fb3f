/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import dev.cleo.queue.QueueUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's failures are answered as problems, and only the API's.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler("/api");

	@Test
	void internalFailureIsA500WithAGenericDetailLoggedWithoutItsMessage(CapturedOutput output) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.handler.resolveException(new MockHttpServletRequest("POST", "/api/jobs"), response, null,
				new IllegalStateException("payload {\"card\":\"4111 1111 1111 1111\"}")))
			.isNotNull();
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"detail\":\"The server could not complete the request")
			.doesNotContain("4111")
			.doesNotContain("IllegalStateException");
		assertThat(output).contains("WARN")
			.contains("java.lang.IllegalStateException")
			.contains("ApiExceptionHandlerTests")
			.doesNotContain("4111");
	}

	@Test
	void redisOutageIsA503() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.resolveException(new MockHttpServletRequest("GET", "/api/status"), response, null,
				new QueueUnavailableException("Redis did not answer within PT2S reading the status", null));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).contains("Redis did not answer");
	}

	@Test
	void errorsOfTheApplicationsOwnControllersAreLeftAlone() throws Exception {
		HandlerMethod own = new HandlerMethod(new OwnController(), OwnController.class.getMethod("call"));
		assertThat(this.handler.resolveException(new MockHttpServletRequest("GET", "/api/own"),
				new MockHttpServletResponse(), own, new IllegalStateException()))
			.isNull();
	}

	@Test
	void errorsOutsideTheApiPathAreLeftAlone() {
		assertThat(this.handler.resolveException(new MockHttpServletRequest("GET", "/apiary"),
				new MockHttpServletResponse(), null, new IllegalStateException()))
			.isNull();
	}

	/** A controller of the application under the API's path. */
	public static class OwnController {

		public String call() {
			return "own";
		}

	}

}
