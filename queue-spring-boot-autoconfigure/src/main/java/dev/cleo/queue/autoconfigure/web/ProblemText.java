/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.Texts;

/**
 * Keeps what the API's error answers repeat of a caller's input short and inert, as the
 * core's {@link Texts} does for its messages: a quoted value is cut to
 * {@value Texts#MAX_QUOTED} characters with its control characters escaped, so that a 1
 * MB field does not come back as a 1 MB answer and a newline cannot forge a line in
 * whatever logs or shows the answer. Internal.
 */
final class ProblemText {

	/** The most names a detail lists. */
	static final int MAX_LISTED = 20;

	/** The longest detail, whatever a message says. */
	static final int MAX_DETAIL = 600;

	/** How much of a message is looked at; the rest could not be shown anyway. */
	private static final int MAX_SCANNED = 64 * 1024;

	/**
	 * A single-quoted part of a message, what messages quote being input; its end may
	 * have been cut off.
	 */
	private static final Pattern QUOTED = Pattern.compile("'([^']{" + (Texts.MAX_QUOTED + 1) + ",})('|$)");

	/** What a detail may not hold as it is: control characters and line separators. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u2028\u2029]");

	private ProblemText() {
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
		String listed = names.stream().limit(MAX_LISTED).map(Texts::quote).collect(Collectors.joining(", "));
		return (names.size() > MAX_LISTED) ? listed + " and " + (names.size() - MAX_LISTED) + " more" : listed;
	}

	/**
	 * A detail built elsewhere (by the core or a library) made safe to answer with: long
	 * quoted values cut, control characters escaped, the whole bounded. The core quotes
	 * through {@link Texts} already; an {@link IllegalArgumentException} from elsewhere
	 * may not.
	 * @param detail the message
	 * @return the bounded detail
	 */
	static String bounded(@Nullable String detail) {
		if (detail == null) {
			return "";
		}
		String text = (detail.length() > MAX_SCANNED) ? detail.substring(0, MAX_SCANNED) : detail;
		text = QUOTED.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(Texts.quote(match.group(1))));
		text = CONTROL.matcher(text)
			.replaceAll((match) -> Matcher.quoteReplacement(String.format("\\u%04x", (int) match.group().charAt(0))));
		return Texts.bounded(text, MAX_DETAIL);
	}

}
