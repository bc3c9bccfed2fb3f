/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import dev.cleo.queue.Texts;

/**
 * Reads the {@code payload} of a request for a task method as the method's arguments,
 * against its declared parameter types: for a method of one parameter the payload is that
 * argument; for any other number, a JSON array with one element per parameter in
 * declaration order (a method without parameters takes no payload, {@code null} or
 * {@code []}). The values are read strictly, with the application's modules and naming,
 * as the workers will read them. Internal.
 */
final class MethodArguments {

	private final JsonMapper mapper;

	/**
	 * Create the reader.
	 * @param mapper a strict copy of the application's mapper
	 * ({@link StrictJson#argumentMapper})
	 */
	MethodArguments(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Read the arguments of a call.
	 * @param type the task's name, for messages
	 * @param parameters the declared parameter types
	 * @param payload the request's payload, or {@code null}
	 * @return one argument per parameter
	 * @throws ApiProblems.ApiProblemException 400 naming the task when the payload does
	 * not fit the parameters
	 */
	Object[] read(String type, List<JavaType> parameters, @Nullable JsonNode payload) {
		if (parameters.size() == 1) {
			return new Object[] { read(type, parameters.get(0), payload, "payload") };
		}
		boolean absent = payload == null || payload.isNull();
		if (parameters.isEmpty() && (absent || (payload.isArray() && payload.isEmpty()))) {
			return new Object[0];
		}
		if (absent || !payload.isArray() || payload.size() != parameters.size()) {
			throw unfit(type, "it takes a JSON array of " + parameters.size() + " arguments, one per parameter");
		}
		Object[] arguments = new Object[parameters.size()];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = read(type, parameters.get(i), payload.get(i), "payload[" + i + "]");
		}
		return arguments;
	}

	private @Nullable Object read(String type, JavaType parameter, @Nullable JsonNode value, String path) {
		try {
			return this.mapper.readerFor(parameter).readValue((value != null) ? value : NullNode.getInstance());
		}
		catch (JacksonException ex) {
			throw unfit(type, JsonProblems.describe(ex, "the argument", path));
		}
	}

	private static ApiProblems.ApiProblemException unfit(String type, String why) {
		return ApiProblems.badRequest("Payload does not fit the task",
				"The payload does not fit the parameters of task " + Texts.quote(type) + ": " + why);
	}

}
