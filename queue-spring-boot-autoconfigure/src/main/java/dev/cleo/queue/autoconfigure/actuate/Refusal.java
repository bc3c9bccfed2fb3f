/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * A call of the {@code queues} endpoint that is refused with a {@link QueueProblem}:
 * thrown by the parts that check a call, answered by the endpoint. Carries no stack
 * trace, since it is an answer, not a fault. Internal.
 */
final class Refusal extends RuntimeException {

	private final transient WebEndpointResponse<Object> response;

	Refusal(WebEndpointResponse<Object> response) {
		super(null, null, false, false);
		this.response = response;
	}

	WebEndpointResponse<Object> response() {
		return this.response;
	}

	static Refusal badRequest(String detail) {
		return new Refusal(QueueProblem.badRequest(detail));
	}

	static Refusal notFound(String detail) {
		return new Refusal(QueueProblem.notFound(detail));
	}

	static Refusal conflict(String detail) {
		return new Refusal(QueueProblem.conflict(detail));
	}

}
