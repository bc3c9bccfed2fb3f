/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The refusals of the HTTP API, each with the status, title and detail of the problem
 * answered. Details are written for the caller and repeat input only through
 * {@link ProblemText#quote}. Internal.
 */
final class ApiProblems {

	private ApiProblems() {
	}

	static ApiProblemException badRequest(String title, String detail) {
		return new ApiProblemException(HttpStatus.BAD_REQUEST, title, detail);
	}

	static ApiProblemException notFound(String title, String detail) {
		return new ApiProblemException(HttpStatus.NOT_FOUND, title, detail);
	}

	static ApiProblemException conflict(String title, String detail) {
		return new ApiProblemException(HttpStatus.CONFLICT, title, detail);
	}

	static ApiProblemException tooLarge(String detail, long maxPayloadSize) {
		return new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", detail,
				Map.of("maxPayloadSize", maxPayloadSize), HttpHeaders.EMPTY);
	}

	/**
	 * A request the API refuses, or a failure it answers for: everything an RFC 9457
	 * problem of the API says.
	 */
	static final class ApiProblemException extends RuntimeException {

		private final HttpStatus status;

		private final String title;

		private final Map<String, Object> properties;

		private final HttpHeaders headers;

		ApiProblemException(HttpStatus status, String title, String detail) {
			this(status, title, detail, Map.of(), HttpHeaders.EMPTY);
		}

		ApiProblemException(HttpStatus status, String title, String detail, Map<String, Object> properties,
				HttpHeaders headers) {
			// a refusal, not a failure: no stack trace to fill in
			super(detail, null, false, false);
			this.status = status;
			this.title = title;
			this.properties = properties;
			this.headers = headers;
		}

		HttpStatus status() {
			return this.status;
		}

		String title() {
			return this.title;
		}

		/**
		 * @return extra members of the problem, such as the limit a request passed
		 */
		Map<String, Object> properties() {
			return this.properties;
		}

		/**
		 * @return headers of the answer, such as {@code Allow} for a 405
		 */
		HttpHeaders headers() {
			return this.headers;
		}

	}

}
