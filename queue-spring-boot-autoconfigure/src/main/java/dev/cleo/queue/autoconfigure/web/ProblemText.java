/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Keeps what the API's error answers repeat of a caller's input short and inert: a quoted
 * value is cut to {@value #MAX_QUOTED} characters and its control characters are escaped,
 * so that a 1 MB field does not come back as a 1 MB answer and a newline cannot forge a
 * line in whatever logs or shows the answer. Internal.
 */
final class ProblemText {

	/** The most characters of one input value a detail repeats. */
	static final int MAX_QUOTED = 100;

	/** The most names a detail lists. */
	static final int MAX_LISTED = 20;

	/** The longest detail, whatever a message says. */
	static final int MAX_DETAIL = 600;

	/**
	 * A single-quoted part of a message, what core and API messages quote being input;
	 * its end may have been cut off.
	 */
	private static final Pattern QUOTED = Pattern.compile("'([^']{" + (MAX_QUOTED + 1) + ",})('|$)");

	private ProblemText() {
	}

	/**
	 * A caller's value, quoted, for a message of the API.
	 * @param value the value
	 * @return {@code 'value'}, cut and escaped
	 */
	static String quote(@Nullable String value) {
		return (value != null) ? "'" + escape(cut(value)) + "'" : "null";
	}

	/**
	 * Names for a message: the first {@value #MAX_LISTED}, each quoted.
	 * @param names the names
	 * @return the list, saying how many more there are
	 */
	static String list(Collection<String> names) {
		if (names.isEmpty()) {
			return "none";
		}
		String listed = names.stream().limit(MAX_LISTED).map(ProblemText::quote).collect(Collectors.joining(", "));
		return (names.size() > MAX_LISTED) ? listed + " and " + (names.size() - MAX_LISTED) + " more" : listed;
	}

	/**
	 * A detail built elsewhere (by the core, say) made safe to answer with: long quoted
	 * values cut, control characters escaped, the whole bounded.
	 * @param detail the message
	 * @return the bounded detail
	 */
	static String bounded(@Nullable String detail) {
		if (detail == null) {
			return "";
		}
		String text = (detail.length() > 4 * MAX_DETAIL) ? detail.substring(0, 4 * MAX_DETAIL) : detail;
		Matcher matcher = QUOTED.matcher(text);
		text = matcher.replaceAll((match) -> Matcher.quoteReplacement("'" + cut(match.group(1)) + "'"));
		return cut(escape(text), MAX_DETAIL);
	}

	private static String cut(String value) {
		return cut(value, MAX_QUOTED);
	}

	static String cut(String value, int max) {
		if (value.length() <= max) {
			return value;
		}
		// never between the two halves of a surrogate pair, which no JSON writer takes
		int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
		return value.substring(0, end) + "...";
	}

	private static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\n' || c == '\r' || c == '\t') {
				escaped.append((c == '\n') ? "\\n" : (c == '\r') ? "\\r" : "\\t");
			}
			else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || isLoneSurrogate(value, i)) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static boolean isLoneSurrogate(String value, int i) {
		char c = value.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
		}
		return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
	}

}
