/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.OpaqueText;

/**
 * Where a follower stands in each queue's event stream: after a line of an entry whose
 * sequence number it knows (to tell a gap). Opaque to callers: URL-safe Base64 of
 * {@code queue~entry.line.sequence|...}.
 */
final class FollowCursor {

	private static final Pattern PART = Pattern
		.compile("([A-Za-z0-9._-]{1,100})~(\\d{1,19}-\\d{1,19})\\.(-1|\\d{1,6})\\.(\\d{1,19})");

	private static final int MAX_LENGTH = 64_000;

	private FollowCursor() {
	}

	/**
	 * A place in one queue's stream.
	 *
	 * @param entryId the entry
	 * @param line the last line of it delivered ({@code -1}: none, the entry is still to
	 * come)
	 * @param sequence the entry's sequence number ({@code 0}: unknown)
	 */
	record Position(String entryId, int line, long sequence) {

		static final Position START = new Position("0-0", -1, 0);

	}

	static String encode(Map<String, Position> positions) {
		StringBuilder text = new StringBuilder();
		positions.forEach((queue, position) -> {
			if (!text.isEmpty()) {
				text.append('|');
			}
			text.append(queue)
				.append('~')
				.append(position.entryId())
				.append('.')
				.append(position.line())
				.append('.')
				.append(position.sequence());
		});
		return OpaqueText.wrap(text.toString());
	}

	/**
	 * Read a cursor an event carried.
	 * @param cursor the cursor
	 * @return the positions by queue
	 * @throws InvalidTaskOptionException when it is no cursor an event gave
	 */
	static Map<String, Position> decode(String cursor) {
		String text = OpaqueText.unwrap(cursor, MAX_LENGTH, invalid());
		Map<String, Position> positions = new LinkedHashMap<>();
		for (String part : text.split("\\|")) {
			Matcher matcher = PART.matcher(part);
			if (!matcher.matches()) {
				throw invalid();
			}
			positions.put(matcher.group(1), new Position(matcher.group(2), Integer.parseInt(matcher.group(3)),
					Long.parseLong(matcher.group(4))));
		}
		return positions;
	}

	private static InvalidTaskOptionException invalid() {
		return new InvalidTaskOptionException("cursor is not one an event gave");
	}

}
