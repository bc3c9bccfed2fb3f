/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

/**
 * Caller input and exception texts as the {@code queues} endpoint may show them in an
 * error: cut to a bounded length and with control and format characters escaped, so that
 * an answer never grows with its request and never carries a line break or an invisible
 * character that could fool whoever reads it. Internal.
 */
final class SafeText {

	/** The most characters of caller input an answer quotes. */
	static final int QUOTED_MAX = 100;

	/** The most characters of a message an answer carries. */
	static final int MESSAGE_MAX = 300;

	private SafeText() {
	}

	/**
	 * Quote caller input: {@code 'orders'}, or its first {@value #QUOTED_MAX} characters
	 * and how long it was.
	 * @param input what the caller sent
	 * @return the quoted, escaped text
	 */
	static String quote(@Nullable String input) {
		if (input == null) {
			return "(none)";
		}
		if (input.length() <= QUOTED_MAX) {
			return "'" + escape(input) + "'";
		}
		return "'" + escape(input.substring(0, QUOTED_MAX)) + "...' (" + input.length() + " characters)";
	}

	/**
	 * Bound a message: its first {@value #MESSAGE_MAX} characters, escaped.
	 * @param message the message, such as an exception's
	 * @return the bounded text
	 */
	static String bound(@Nullable String message) {
		if (message == null) {
			return "";
		}
		return (message.length() <= MESSAGE_MAX) ? escape(message) : escape(message.substring(0, MESSAGE_MAX)) + "...";
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		text.chars().forEach((c) -> {
			if (c == '\n') {
				escaped.append("\\n");
			}
			else if (c == '\r') {
				escaped.append("\\r");
			}
			else if (c == '\t') {
				escaped.append("\\t");
			}
			else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
					|| Character.getType(c) == Character.LINE_SEPARATOR
					|| Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate((char) c)) {
				escaped.append(String.format("\\u%04x", c));
			}
			else {
				escaped.append((char) c);
			}
		});
		return escaped.toString();
	}

}
