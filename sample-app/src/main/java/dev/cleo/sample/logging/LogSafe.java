/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.logging;

/**
 * Caller-supplied text made fit for a log line: control characters (line breaks, escape
 * sequences), format characters (bidirectional overrides) and line separators are written
 * as {@code \n} or {@code \}{@code uXXXX}, and anything past {@value #MAX} characters is
 * cut, its length said. A value with a line break in it would otherwise start a forged
 * log line of its own, and a 100 KB value would land in the log whole.
 */
public final class LogSafe {

	/** The most characters of one value a log line carries. */
	public static final int MAX = 100;

	private LogSafe() {
	}

	/**
	 * Make a value safe to log.
	 * @param value what a caller sent, or {@code null}
	 * @return the escaped, bounded text ({@code null} as {@code "null"})
	 */
	public static String text(String value) {
		if (value == null) {
			return "null";
		}
		String head = (value.length() > MAX) ? value.substring(0, MAX) : value;
		StringBuilder safe = new StringBuilder(head.length() + 16);
		head.chars().forEach((c) -> append(safe, c));
		if (value.length() > MAX) {
			safe.append("... (").append(value.length()).append(" characters)");
		}
		return safe.toString();
	}

	private static void append(StringBuilder safe, int c) {
		int type = Character.getType(c);
		if (c == '\n') {
			safe.append("\\n");
		}
		else if (c == '\r') {
			safe.append("\\r");
		}
		else if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
			safe.append(String.format("\\u%04x", c));
		}
		else {
			safe.append((char) c);
		}
	}

}
