/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.cleo.queue.Texts;
import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.PayloadTooLargeException;
import dev.cleo.queue.QueueUnavailableException;
import dev.cleo.queue.UnreadablePayloadException;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.group.GroupFullException;

/**
 * Which problem answers which exception, in one place: the API's own refusals as they
 * are, Cleo's exceptions by kind, Spring MVC's (unknown path, wrong method, wrong content
 * type) with details of our own, and anything else as a 500 whose detail says nothing
 * about the cause. Internal.
 */
final class ProblemMapping {

	private ProblemMapping() {
	}

	/**
	 * The problem that answers an exception.
	 * @param ex the exception
	 * @return the problem, with a bounded detail; a 500 for anything not known here
	 */
	static ApiProblems.ApiProblemException of(Throwable ex) {
		if (ex instanceof ApiProblems.ApiProblemException problem) {
			return problem;
		}
		if (ex instanceof WriteAccess.WriteRefusedException) {
			return cleo(HttpStatus.FORBIDDEN, "Write refused", ex);
		}
		if (ex instanceof PayloadTooLargeException tooLarge) {
			return ApiProblems.tooLarge("The payload is " + tooLarge.size() + " bytes as JSON, over the limit of "
					+ tooLarge.limit() + " bytes (cleo.max-payload-size)", tooLarge.limit());
		}
		if (ex instanceof GroupFullException) {
			return cleo(HttpStatus.CONFLICT, "Group full", ex);
		}
		if (ex instanceof InvalidTaskOptionException) {
			return cleo(HttpStatus.BAD_REQUEST, "Invalid option", ex);
		}
		if (ex instanceof UnreadablePayloadException || ex instanceof IllegalArgumentException) {
			return cleo(HttpStatus.BAD_REQUEST, "Invalid argument", ex);
		}
		if (ex instanceof QueueUnavailableException) {
			return cleo(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable", ex);
		}
		if (ex instanceof ErrorResponse response) {
			return spring(response);
		}
		return internal();
	}

	/**
	 * The problem of a failure that is not the caller's: says nothing of its cause.
	 * @return a 500
	 */
	static ApiProblems.ApiProblemException internal() {
		return new ApiProblems.ApiProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The server could not complete the request; its log has the cause");
	}

	private static ApiProblems.ApiProblemException cleo(HttpStatus status, String title, Throwable ex) {
		// core messages quote names and values a caller may have sent: bounded
		return new ApiProblems.ApiProblemException(status, title, ProblemText.bounded(ex.getMessage()));
	}

	private static ApiProblems.ApiProblemException spring(ErrorResponse response) {
		HttpHeaders headers = response.getHeaders();
		if (response instanceof NoResourceFoundException || response instanceof NoHandlerFoundException) {
			return ApiProblems.notFound("Not found", "No such path in the API");
		}
		if (response instanceof HttpRequestMethodNotSupportedException ex) {
			return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", "This path of the API takes "
					+ String.join(", ", supported(ex)) + ", not " + Texts.quote(ex.getMethod()), headers);
		}
		if (response instanceof HttpMediaTypeNotSupportedException ex) {
			return problem(
					HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send the request body as "
							+ MediaType.APPLICATION_JSON_VALUE + " (Content-Type header), not " + contentType(ex),
					headers);
		}
		if (response instanceof HttpMediaTypeNotAcceptableException) {
			return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
					"The API answers " + MediaType.APPLICATION_JSON_VALUE + " only", headers);
		}
		if (response instanceof MissingServletRequestParameterException ex) {
			return problem(HttpStatus.BAD_REQUEST, "Missing parameter",
					"The request needs the parameter " + Texts.quote(ex.getParameterName()), headers);
		}
		HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
		status = (status != null) ? status : HttpStatus.BAD_REQUEST;
		return problem(status, status.getReasonPhrase(), "The API cannot take this request", headers);
	}

	private static String[] supported(HttpRequestMethodNotSupportedException ex) {
		return (ex.getSupportedMethods() != null) ? ex.getSupportedMethods() : new String[0];
	}

	private static String contentType(HttpMediaTypeNotSupportedException ex) {
		return (ex.getContentType() != null) ? Texts.quote(ex.getContentType().toString()) : "none";
	}

	private static ApiProblems.ApiProblemException problem(HttpStatus status, String title, String detail,
			HttpHeaders headers) {
		return new ApiProblems.ApiProblemException(status, title, detail, Map.of(), headers);
	}

}
