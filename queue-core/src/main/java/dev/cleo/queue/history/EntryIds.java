/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

/**
 * The parts of a stream entry id, {@code <ms>-<seq>}, compared as numbers.
 */
final class EntryIds {

	private EntryIds() {
	}

	static long millis(String id) {
		int dash = id.indexOf('-');
		return Long.parseLong((dash >= 0) ? id.substring(0, dash) : id);
	}

	static long sequence(String id) {
		int dash = id.indexOf('-');
		return (dash >= 0) ? Long.parseLong(id.substring(dash + 1)) : 0;
	}

}
