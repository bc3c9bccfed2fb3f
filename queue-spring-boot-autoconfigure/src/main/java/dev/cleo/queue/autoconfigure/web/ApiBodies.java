/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

/**
 * Reads the JSON body of an API call: its size is checked before anything is parsed
 * ({@code Content-Length} first, then a read that stops one byte past the limit, so a 20
 * MB body is neither buffered nor parsed), then it is read strictly ({@link StrictJson}).
 * Internal.
 */
final class ApiBodies {

	/**
	 * Room for what a body holds besides the payload: the task type and the options.
	 */
	static final DataSize ENVELOPE = DataSize.ofKilobytes(16);

	private final JsonMapper mapper;

	private final DataSize maxPayloadSize;

	private final int limit;

	/**
	 * Create the reader.
	 * @param mapper the strict mapper of request bodies
	 * @param maxPayloadSize the largest payload a task may carry
	 * ({@code cleo.max-payload-size})
	 */
	ApiBodies(JsonMapper mapper, DataSize maxPayloadSize) {
		this.mapper = mapper;
		this.maxPayloadSize = maxPayloadSize;
		this.limit = (int) Math.min(Integer.MAX_VALUE - 8, maxPayloadSize.toBytes() + ENVELOPE.toBytes());
	}

	/**
	 * Read a body.
	 * @param <T> the type of the body
	 * @param request the request
	 * @param type the type of the body
	 * @return the body
	 * @throws ApiProblems.ApiProblemException 413 when the body is too large, 400 when it
	 * is empty, not JSON or not of the type
	 */
	<T> T read(HttpServletRequest request, Class<T> type) {
		long declared = request.getContentLengthLong();
		if (declared > this.limit) {
			throw tooLarge(declared + " bytes");
		}
		byte[] body = readAtMostLimit(request);
		if (body.length > this.limit) {
			throw tooLarge("more than that");
		}
		if (isBlank(body)) {
			throw ApiProblems.badRequest("Malformed request body", "The request body is empty: send a JSON object");
		}
		T value;
		try {
			value = this.mapper.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw ApiProblems.badRequest("Malformed request body", JsonProblems.describe(ex, "The request body", ""));
		}
		if (value == null) {
			throw ApiProblems.badRequest("Malformed request body", "The request body must be a JSON object, not null");
		}
		return value;
	}

	private byte[] readAtMostLimit(HttpServletRequest request) {
		try (InputStream in = request.getInputStream()) {
			return in.readNBytes(this.limit + 1);
		}
		catch (IOException ex) {
			// the client went away or sent a broken chunked body: its fault, not ours
			throw ApiProblems.badRequest("Unreadable request body", "The request body could not be read to its end");
		}
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	private ApiProblems.ApiProblemException tooLarge(String size) {
		return ApiProblems
			.tooLarge("The request body is larger than the API accepts: a task's payload may have at most "
					+ this.maxPayloadSize.toBytes() + " bytes (cleo.max-payload-size), and the rest of the request "
					+ ENVELOPE.toBytes() + " bytes; this one had " + size, this.maxPayloadSize.toBytes());
	}

}
