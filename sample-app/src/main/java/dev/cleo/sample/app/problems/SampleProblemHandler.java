/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.problems;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueUnavailableException;
import dev.cleo.queue.group.GroupFullException;
import dev.cleo.sample.app.orders.OrderController;
import dev.cleo.sample.app.reports.ReportController;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns what the sample's own endpoints ({@code /orders}, {@code /reports}) refuse into
 * RFC 9457 problems. A detail names the field and what it allows, or says what to do;
 * none repeats the value sent, and none of these is logged, since a caller's value in a
 * log line is how a forged line or a 100 KB entry gets there. Cleo's HTTP API has its own
 * handler.
 */
// Before Spring Boot's handler of spring.mvc.problemdetails.enabled, which would answer
// these endpoints' unreadable bodies with its generic detail.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { OrderController.class, ReportController.class })
public class SampleProblemHandler {

	@ExceptionHandler
	ProblemDetail invalid(InvalidRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		// A record's own check (ReportRequest) reaches here wrapped by Jackson.
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof InvalidRequestException invalid) {
			return invalid(invalid);
		}
		return problem(HttpStatus.BAD_REQUEST,
				"The body is not JSON of the shape this call takes; sample-app/README.md shows one");
	}

	@ExceptionHandler
	ProblemDetail unsupported(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
	}

	@ExceptionHandler
	ProblemDetail invalidOption(InvalidTaskOptionException ex) {
		return problem(HttpStatus.BAD_REQUEST, "A value of the request cannot name a task's group or key");
	}

	@ExceptionHandler
	ProblemDetail groupFull(GroupFullException ex) {
		return problem(HttpStatus.TOO_MANY_REQUESTS,
				"This customer has the most orders waiting that the queue allows; try again later");
	}

	@ExceptionHandler
	ProblemDetail unavailable(QueueUnavailableException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "The queue's Redis did not answer; try again later");
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

}
