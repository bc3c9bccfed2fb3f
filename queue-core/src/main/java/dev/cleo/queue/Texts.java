/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * Bounded texts: how Cleo quotes a caller's value in a message, bounds an error text it
 * stores, and measures a payload. A value from outside (a task, queue or group name, a
 * deduplication id, a cron expression) can be of any length and hold line breaks; quoted
 * through here it can neither flood a message nor forge a log line. Applications may use
 * it for their own messages too.
 */
public final class Texts {

	/** The most characters of a quoted value, escapes included. */
	public static final int MAX_QUOTED = 100;

	private static final char ELLIPSIS = '\u2026';

	private Texts() {
	}

	/**
	 * Quote a value for a message: in single quotes, control characters escaped
	 * ({@code \n}, {@code \r}, {@code \t}, others as {@code \}{@code uXXXX}, as are the
	 * Unicode line and paragraph separators), and cut after {@value #MAX_QUOTED}
	 * characters with "…".
	 * @param value the value, or {@code null}
	 * @return the quoted value, or {@code null} (unquoted) for {@code null}
	 */
	public static String quote(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 3).append('\'');
		for (int i = 0; i < value.length(); i++) {
			if (quoted.length() > MAX_QUOTED) {
				return quoted.append(ELLIPSIS).append('\'').toString();
			}
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
				quoted.append(c).append(value.charAt(++i));
			}
			else {
				appendEscaped(quoted, c);
			}
		}
		return quoted.append('\'').toString();
	}

	private static void appendEscaped(StringBuilder out, char c) {
		switch (c) {
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
		}
	}

	/**
	 * Bound a long text, such as an error stored with a task: at most {@code max}
	 * characters of it are kept, followed by "… (N more characters)".
	 * @param text the text, or {@code null}
	 * @param max the most characters kept
	 * @return the text, or its beginning with the marker; {@code null} for {@code null}
	 */
	public static String bounded(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		// Never split a surrogate pair: half a character is not a character.
		int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return text.substring(0, cut) + ELLIPSIS + " (" + (text.length() - cut) + " more characters)";
	}

	/**
	 * The length of a text in UTF-8, as {@code text.getBytes(UTF_8).length} counts it (an
	 * unpaired surrogate as the one byte of its replacement), without copying it.
	 * @param text the text
	 * @return its length in bytes
	 */
	public static long utf8Length(CharSequence text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += Character.isSurrogate(c) ? 1 : 3;
			}
		}
		return bytes;
	}

}
