/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

import dev.cleo.queue.Texts;

/**
 * Why the {@code queues} endpoint refused a call, with the members of an RFC 9457 problem
 * detail and served as {@code application/problem+json}. The detail names the culprit and
 * the fix; any caller input in it is quoted through {@link Texts#quote}, so it is bounded
 * and free of control characters, the whole detail is cut after {@value #DETAIL_MAX}
 * characters, and it never carries class names or stack traces.
 *
 * @param type {@code about:blank}: the status says what kind of problem it is
 * @param title the status's reason phrase, such as {@code Not Found}
 * @param status the HTTP status
 * @param detail what is wrong and what to do
 */
public record QueueProblem(String type, String title, int status, String detail) {

	/** The most characters of a detail. */
	static final int DETAIL_MAX = 300;

	/** HTTP 403: writes are off or the caller lacks the authority. */
	static final int FORBIDDEN = 403;

	/** HTTP 409: the target is in a state that does not allow the action. */
	static final int CONFLICT = 409;

	private static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");

	static WebEndpointResponse<Object> badRequest(String detail) {
		return of(WebEndpointResponse.STATUS_BAD_REQUEST, "Bad Request", detail);
	}

	static WebEndpointResponse<Object> forbidden(String detail) {
		return of(FORBIDDEN, "Forbidden", detail);
	}

	static WebEndpointResponse<Object> notFound(String detail) {
		return of(WebEndpointResponse.STATUS_NOT_FOUND, "Not Found", detail);
	}

	static WebEndpointResponse<Object> conflict(String detail) {
		return of(CONFLICT, "Conflict", detail);
	}

	static WebEndpointResponse<Object> unavailable(String detail) {
		return of(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, "Service Unavailable", detail);
	}

	private static WebEndpointResponse<Object> of(int status, String title, String detail) {
		return new WebEndpointResponse<>(new QueueProblem("about:blank", title, status, detail), status, PROBLEM_JSON);
	}

}
