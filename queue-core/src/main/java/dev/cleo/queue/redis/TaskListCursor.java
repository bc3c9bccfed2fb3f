/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.cleo.queue.InvalidTaskOptionException;

/**
 * Where a page of a listing by state ended: the place of its last task in the sorted set
 * it came from (see {@code set-page.lua}), and for waiting tasks which part of the
 * waiting order that was (see {@code waiting-page.lua}). Handed out as an opaque string:
 * {@code v1.} and the fields, each in unpadded base64url, joined by {@code .}; the first
 * field names the listing (state and order), so a cursor of another listing is refused.
 *
 * @param listing the state and order it belongs to, for example {@code waiting:asc}
 * @param part {@code r} ready, {@code l} a group in line, {@code o} a group out of line,
 * {@code s} the one set of a state other than waiting
 * @param group the group, {@code ""} outside groups
 * @param groupScore the group's score in line, {@code ""} outside groups
 * @param score the last task's score, {@code ""} when the group was done with
 * @param id the last task's id, {@code ""} when the group was done with
 */
record TaskListCursor(String listing, String part, String group, String groupScore, String score, String id) {

	private static final String VERSION = "v1";

	private static final int FIELDS = 6;

	String encode() {
		StringBuilder text = new StringBuilder(VERSION);
		for (String field : new String[] { this.listing, this.part, this.group, this.groupScore, this.score,
				this.id }) {
			text.append('.').append(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(field)));
		}
		return text.toString();
	}

	/**
	 * Read a cursor handed out for a listing.
	 * @param cursor the cursor, or {@code null} for the first page
	 * @param listing the listing it must belong to
	 * @return the cursor, or {@code null} for the first page
	 * @throws InvalidTaskOptionException when it is not a cursor of that listing
	 */
	static TaskListCursor decode(String cursor, String listing) {
		if (cursor == null) {
			return null;
		}
		String[] parts = cursor.split("\\.", -1);
		if (parts.length != FIELDS + 1 || !VERSION.equals(parts[0])) {
			throw refused(listing);
		}
		String[] fields = new String[FIELDS];
		try {
			for (int i = 0; i < FIELDS; i++) {
				fields[i] = new String(Base64.getUrlDecoder().decode(parts[i + 1]), StandardCharsets.UTF_8);
			}
		}
		catch (IllegalArgumentException ex) {
			throw refused(listing);
		}
		if (!fields[0].equals(listing)) {
			throw refused(listing);
		}
		return new TaskListCursor(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
	}

	private static byte[] bytes(String field) {
		return field.getBytes(StandardCharsets.UTF_8);
	}

	private static InvalidTaskOptionException refused(String listing) {
		return new InvalidTaskOptionException("cursor must be null (first page) or the nextCursor of a page of the "
				+ listing.replace(":asc", " oldest-first").replace(":desc", " newest-first") + " listing");
	}

}
