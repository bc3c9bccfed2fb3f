/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.util.regex.Pattern;

/**
 * Masks what differs between failures of one cause: UUIDs, hexadecimal ids and numbers,
 * so that {@code "Order 1234 not found"} and {@code "Order 98 not found"} group as
 * {@code "Order <n> not found"}.
 */
final class ErrorMessages {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern HEX = Pattern
		.compile("\\b(?:0x[0-9a-fA-F]+|(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,})\\b");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

	private ErrorMessages() {
	}

	static String normalise(String message) {
		if (message == null) {
			return "";
		}
		String masked = UUID.matcher(message).replaceAll("<uuid>");
		masked = HEX.matcher(masked).replaceAll("<hex>");
		return NUMBER.matcher(masked).replaceAll("<n>");
	}

}
