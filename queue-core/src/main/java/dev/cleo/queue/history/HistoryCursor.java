/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.OpaqueText;

/**
 * The cursor of a history page: for each queue read, where its next page goes on, or that
 * it has nothing more. Opaque to callers (URL-safe Base64 of
 * {@code queue~entry.line|queue~|...}).
 */
final class HistoryCursor {

	private static final Pattern POSITION = Pattern.compile("\\d{1,19}-\\d{1,19}\\.\\d{1,6}");

	private static final int MAX_LENGTH = 20_000;

	private HistoryCursor() {
	}

	/**
	 * Encode where each queue goes on; {@code null} when every queue is exhausted.
	 * @param positions by queue: the position, or {@code null} when exhausted
	 * @return the cursor, or {@code null}
	 */
	static String encode(Map<String, StreamScan.Position> positions) {
		if (positions.values().stream().allMatch((position) -> position == null)) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		positions.forEach((queue, position) -> {
			if (!text.isEmpty()) {
				text.append('|');
			}
			text.append(queue).append('~');
			if (position != null) {
				text.append(position.entryId()).append('.').append(position.line());
			}
		});
		return OpaqueText.wrap(text.toString());
	}

	/**
	 * Decode a cursor.
	 * @param cursor the cursor
	 * @return by queue: the position, or {@code null} when that queue was exhausted
	 * @throws InvalidTaskOptionException when it is not a cursor a page gave
	 */
	static Map<String, StreamScan.Position> decode(String cursor) {
		String text = OpaqueText.unwrap(cursor, MAX_LENGTH, invalid());
		Map<String, StreamScan.Position> positions = new LinkedHashMap<>();
		for (String part : text.split("\\|")) {
			int tilde = part.indexOf('~');
			if (tilde <= 0) {
				throw invalid();
			}
			String queue = part.substring(0, tilde);
			String position = part.substring(tilde + 1);
			if (position.isEmpty()) {
				positions.put(queue, null);
			}
			else if (POSITION.matcher(position).matches()) {
				int dot = position.indexOf('.');
				positions.put(queue, new StreamScan.Position(position.substring(0, dot),
						Integer.parseInt(position.substring(dot + 1))));
			}
			else {
				throw invalid();
			}
		}
		return positions;
	}

	private static InvalidTaskOptionException invalid() {
		return new InvalidTaskOptionException("cursor is not one a history page gave");
	}

}
