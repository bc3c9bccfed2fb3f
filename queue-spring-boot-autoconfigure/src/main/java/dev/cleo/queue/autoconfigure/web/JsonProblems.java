/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

import dev.cleo.queue.Texts;

/**
 * Says what is wrong with a JSON value in the caller's terms: the field by its path
 * ({@code options.maxRetries}) and the JSON type it needs, never Jackson's message, which
 * names Java classes and reader settings. Internal.
 */
final class JsonProblems {

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

	private JsonProblems() {
	}

	/**
	 * Describe a failed read.
	 * @param ex what Jackson threw
	 * @param root what was read, as the detail names it ("The request body")
	 * @param prefix the path of that value within the request ({@code payload}), or empty
	 * @return the detail
	 */
	static String describe(JacksonException ex, String root, String prefix) {
		String field = path(ex, prefix);
		if (ex instanceof PropertyBindingException unknown) {
			return "Unknown property " + Texts.quote(field) + "; known ones here are " + known(unknown);
		}
		if (ex instanceof InputCoercionException) {
			return Texts.quote(field) + " is out of range";
		}
		if (ex instanceof StreamConstraintsException) {
			return root + " nests too deeply or has a number or text longer than the API reads";
		}
		if (ex instanceof StreamReadException) {
			Matcher duplicate = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
			return duplicate.matches()
					? root + " has the property " + Texts.quote(duplicate.group(1)) + " twice" + at(ex)
					: root + " is not valid JSON" + at(ex);
		}
		if (ex instanceof MismatchedInputException mismatch && !field.isEmpty()) {
			return Texts.quote(field) + " must be " + expected(mismatch.getTargetType());
		}
		if (ex instanceof MismatchedInputException mismatch) {
			return root + " must be " + expected(mismatch.getTargetType());
		}
		return root + " does not fit this call";
	}

	private static String path(JacksonException ex, String prefix) {
		StringBuilder path = new StringBuilder(prefix);
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String known(PropertyBindingException ex) {
		Collection<Object> known = ex.getKnownPropertyIds();
		return (known == null || known.isEmpty()) ? "none"
				: known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "a JSON value of another type";
		}
		if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (List.of(Integer.class, Long.class, Short.class, Byte.class, int.class, long.class, short.class, byte.class)
			.contains(type)) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return JsonNode.class.isAssignableFrom(type) ? "a JSON value" : "an object";
	}

	private static String at(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
