/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

/**
 * The error of a failed attempt, read from the text Cleo stored: {@code Class: message}
 * on its first line, then the trimmed stack trace.
 *
 * @param type the exception's class name, or {@code null} when the text names none (a
 * timeout, an expired lease)
 * @param message the message (the whole first line when it names no class)
 * @param trace the trimmed stack trace, "" when none was stored (the event stream keeps
 * only the first line; a task's own attempts keep the trace)
 */
public record AttemptError(String type, String message, String trace) {

	/**
	 * Read a stored error text.
	 * @param text the text
	 * @return the error, or {@code null} for an empty text
	 */
	public static AttemptError parse(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		int newline = text.indexOf('\n');
		String first = (newline >= 0) ? text.substring(0, newline) : text;
		String trace = (newline >= 0) ? text.substring(newline + 1) : "";
		int colon = first.indexOf(": ");
		String candidate = (colon > 0) ? first.substring(0, colon) : first;
		if (isClassName(candidate)) {
			return new AttemptError(candidate, (colon > 0) ? first.substring(colon + 2) : "", trace);
		}
		return new AttemptError(null, first, trace);
	}

	private static boolean isClassName(String text) {
		if (text.isEmpty() || text.indexOf(' ') >= 0 || text.indexOf('.') < 0) {
			return false;
		}
		for (String part : text.split("[.$]")) {
			if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
				return false;
			}
			for (int i = 1; i < part.length(); i++) {
				if (!Character.isJavaIdentifierPart(part.charAt(i))) {
					return false;
				}
			}
		}
		return true;
	}

}
