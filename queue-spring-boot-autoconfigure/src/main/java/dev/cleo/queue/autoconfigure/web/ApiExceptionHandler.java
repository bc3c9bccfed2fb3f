/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueUnavailableException;

/**
 * Turns the HTTP API's errors into RFC 9457 problem details whose {@code detail} says
 * what is wrong: 400 for malformed JSON, an unknown job type or an option out of range,
 * 404 for an unknown job, 503 when Redis does not answer. Applies to the API's
 * controllers only.
 */
@RestControllerAdvice(assignableTypes = { JobsController.class, OperationsController.class })
public class ApiExceptionHandler {

	@ExceptionHandler
	ProblemDetail malformedBody(HttpMessageNotReadableException ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String reason = (cause.getMessage() != null) ? cause.getMessage().lines().findFirst().orElse("") : "";
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
				"The request body is not valid JSON for this call: " + reason);
	}

	@ExceptionHandler
	ProblemDetail unknownType(ApiProblems.UnknownJobTypeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Unknown job type", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidOption(InvalidTaskOptionException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid option", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid argument", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(ApiProblems.JobNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Job not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(QueueUnavailableException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
