/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Texts;

/**
 * The query parameters of one GET call of the API, checked strictly: a name the call does
 * not take, or one given twice (unless it may repeat), is refused, as an unknown field of
 * a JSON body is, so that a typo ({@code outcomes=dead}) is a 400 rather than a silently
 * unfiltered answer. Each accessor refuses a bad value with a 400 that names the
 * parameter and what it takes. Internal.
 */
final class ApiParameters {

	/** The longest cursor taken; those the API hands out are far shorter. */
	static final int MAX_CURSOR_LENGTH = 20_000;

	/** The latest time taken: the end of year 9999. */
	private static final long MAX_MILLIS = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

	private static final Pattern DIGITS = Pattern.compile("\\d{1,16}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u2028\u2029]");

	private final Map<String, String[]> values;

	private ApiParameters(Map<String, String[]> values) {
		this.values = values;
	}

	/**
	 * Read and check the parameters of a call.
	 * @param request the request
	 * @param known the names the call takes
	 * @param repeatable those of them that may be given more than once
	 * @return the parameters
	 */
	static ApiParameters of(HttpServletRequest request, Set<String> known, Set<String> repeatable) {
		Map<String, String[]> values = request.getParameterMap();
		for (Map.Entry<String, String[]> entry : values.entrySet()) {
			if (!known.contains(entry.getKey())) {
				throw ApiProblems.badRequest("Unknown parameter", "This call takes no parameter "
						+ Texts.quote(entry.getKey()) + "; it takes " + String.join(", ", new TreeSet<>(known)));
			}
			if (entry.getValue().length > 1 && !repeatable.contains(entry.getKey())) {
				throw invalid(entry.getKey(), "may be given once, was given " + entry.getValue().length + " times");
			}
		}
		return new ApiParameters(values);
	}

	/**
	 * A text parameter.
	 * @param name the parameter
	 * @param check the core's check of such a value (a name rule), which may throw
	 * @return the value, or {@code null} when absent
	 */
	@Nullable String text(String name, UnaryOperator<String> check) {
		String value = single(name);
		if (value == null) {
			return null;
		}
		try {
			return check.apply(value);
		}
		catch (InvalidTaskOptionException | IllegalArgumentException ex) {
			throw invalid(name, "is not a valid name: 1 to 200 characters, none of them a control character; was "
					+ Texts.quote(value));
		}
	}

	/**
	 * A worker ({@code <instance id>/<pool name>}) or instance id.
	 * @param name the parameter
	 * @return the value, or {@code null} when absent
	 */
	@Nullable String worker(String name) {
		return text(name, (value) -> {
			if (value.isBlank() || value.length() > 200 || CONTROL.matcher(value).find()) {
				throw new IllegalArgumentException(value);
			}
			return value;
		});
	}

	/**
	 * A time, as epoch milliseconds or an ISO-8601 instant.
	 * @param name the parameter
	 * @return the time, or {@code null} when absent
	 */
	@Nullable Instant time(String name) {
		String value = single(name);
		if (value == null) {
			return null;
		}
		try {
			Instant time = DIGITS.matcher(value).matches() ? Instant.ofEpochMilli(Long.parseLong(value))
					: Instant.parse(value);
			if (time.toEpochMilli() >= 0 && time.toEpochMilli() <= MAX_MILLIS) {
				return time;
			}
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			// refused below
		}
		throw invalid(name, "must be epoch milliseconds or an ISO-8601 instant (2026-01-31T12:00:00Z) from 1970 to "
				+ "9999, was " + Texts.quote(value));
	}

	/**
	 * Check that a range is not empty.
	 * @param since its start, or {@code null}
	 * @param until its end, or {@code null}
	 */
	static void checkRange(@Nullable Instant since, @Nullable Instant until) {
		if (since != null && until != null && !since.isBefore(until)) {
			throw invalid("since", "must be before 'until', was " + since + " and 'until' " + until);
		}
	}

	/**
	 * A whole number within bounds.
	 * @param name the parameter
	 * @param min the least value
	 * @param max the greatest value
	 * @param absent the value when absent
	 * @return the number
	 */
	int number(String name, int min, int max, int absent) {
		String value = single(name);
		if (value == null) {
			return absent;
		}
		if (DIGITS.matcher(value).matches()
				|| (value.startsWith("-") && DIGITS.matcher(value.substring(1)).matches())) {
			long number = Long.parseLong(value);
			if (number >= min && number <= max) {
				return (int) number;
			}
		}
		throw invalid(name, "must be a whole number from " + min + " to " + max + ", was " + Texts.quote(value));
	}

	/**
	 * One of a few lower-case words.
	 * @param name the parameter
	 * @param allowed the words taken
	 * @param absent the value when absent, or {@code null}
	 * @return the word
	 */
	@Nullable String choice(String name, List<String> allowed, @Nullable String absent) {
		String value = single(name);
		if (value == null) {
			return absent;
		}
		if (!allowed.contains(value)) {
			throw invalid(name, "must be one of " + String.join(", ", allowed) + ", was " + Texts.quote(value));
		}
		return value;
	}

	/**
	 * Words of a parameter that may repeat and take comma-separated lists
	 * ({@code outcome=dead,failed&outcome=retried}).
	 * @param name the parameter
	 * @param allowed the words taken
	 * @return the words given, in order, without repeats
	 */
	List<String> choices(String name, List<String> allowed) {
		String[] given = this.values.getOrDefault(name, new String[0]);
		if (given.length > allowed.size()) {
			throw invalid(name, "may be given at most " + allowed.size() + " times, was given " + given.length);
		}
		List<String> words = new ArrayList<>();
		for (String value : given) {
			for (String word : value.split(",", -1)) {
				String trimmed = word.trim().toLowerCase(Locale.ROOT);
				if (!allowed.contains(trimmed)) {
					throw invalid(name, "takes " + String.join(", ", allowed)
							+ " (comma separated, or the parameter repeated), not " + Texts.quote(word));
				}
				if (!words.contains(trimmed)) {
					words.add(trimmed);
				}
			}
		}
		return words;
	}

	/**
	 * Every value of a parameter that may be repeated, each split at commas.
	 * @param name the parameter
	 * @return the values, in order, without repeats
	 */
	List<String> all(String name) {
		List<String> values = new ArrayList<>();
		for (String value : this.values.getOrDefault(name, new String[0])) {
			for (String part : value.split(",", -1)) {
				String trimmed = part.trim();
				if (!values.contains(trimmed)) {
					values.add(trimmed);
				}
			}
		}
		return values;
	}

	/**
	 * The cursor of a page before: checked for length here, for form by the read.
	 * @param name the parameter
	 * @return the cursor, or {@code null} for the first page
	 */
	@Nullable String cursor(String name) {
		String value = single(name);
		if (value != null && (value.isEmpty() || value.length() > MAX_CURSOR_LENGTH)) {
			throw invalid(name, "must be the nextCursor of the page before, as it was given; was " + value.length()
					+ " characters long");
		}
		return value;
	}

	/**
	 * Whether a parameter was given.
	 * @param name the parameter
	 * @return true when present
	 */
	boolean has(String name) {
		return this.values.containsKey(name);
	}

	@Nullable String single(String name) {
		String[] given = this.values.get(name);
		return (given != null && given.length > 0) ? given[0] : null;
	}

	/**
	 * A 400 for a parameter.
	 * @param name the parameter
	 * @param what what is wrong, after its name
	 * @return the problem to throw
	 */
	static ApiProblems.ApiProblemException invalid(String name, String what) {
		return ApiProblems.badRequest("Invalid parameter", "'" + name + "' " + what);
	}

	/**
	 * Names for {@link #of}.
	 * @param names the names
	 * @return them as a set
	 */
	static Set<String> names(String... names) {
		return Set.copyOf(Arrays.asList(names));
	}

}
