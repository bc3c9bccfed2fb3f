/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.List;
import java.util.Random;

/**
 * Hostile and malformed values for {@link ApiFuzzTests}, drawn from a seeded
 * {@link Random}: JSON of the right shape with values of the wrong types, broken JSON,
 * deep nesting, huge numbers, control characters, class names, expression-looking text.
 */
final class FuzzValues {

	private static final List<String> WORDS = List.of("send-email", "place-order", "default", "emails", "", " ",
			"java.lang.ProcessBuilder", "${jndi:ldap://127.0.0.1/x}", "#{T(java.lang.Runtime).getRuntime()}",
			"..%2F..%2Fetc%2Fpasswd", "a\nb", "\u0000", "\uD800", "\u202Ehello", "<script>", "' OR 1=1 --", "null",
			"f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "*", "{x}", "a".repeat(300));

	private static final List<String> OPTIONS = List.of("priority", "maxRetries", "ttl", "timeout", "delay", "group",
			"dedupeId", "queue", "priority", "maxRetries", "ttl", "timeout", "delay", "delai", "@class", "");

	private static final List<String> FIELDS = List.of("type", "payload", "options", "jobIds", "maxJobs", "queue",
			"removeCompleted", "removeExpired", "olderThan", "@type");

	private final Random random;

	FuzzValues(Random random) {
		this.random = random;
	}

	/**
	 * A body for an endpoint.
	 * @param fields the fields the endpoint's body has, or none
	 * @return the body, mostly JSON of about the right shape
	 */
	String body(List<String> fields) {
		return switch (this.random.nextInt(10)) {
			case 0 -> "";
			case 1 -> randomText(this.random.nextInt(200));
			case 2 -> truncated(object(FIELDS, 2));
			case 3 -> "[".repeat(1 + this.random.nextInt(2000)) + "]".repeat(this.random.nextInt(2000));
			case 4, 5, 6 -> "{\"type\":\"send-email\",\"payload\":" + value(3) + ",\"options\":" + options() + "}";
			default -> object(fields.isEmpty() ? FIELDS : fields, 3);
		};
	}

	/**
	 * @return a body over the API's limit
	 */
	String huge() {
		return "{\"type\":\"send-email\",\"payload\":\"" + "z".repeat(1100 * 1024) + "\"}";
	}

	String text() {
		return (this.random.nextBoolean()) ? WORDS.get(this.random.nextInt(WORDS.size()))
				: randomText(this.random.nextInt(40));
	}

	/**
	 * A value for a query parameter: mostly one the API takes somewhere (a time, a
	 * number, an outcome, a state), else any text.
	 * @return the value
	 */
	String parameter() {
		return switch (this.random.nextInt(8)) {
			case 0 -> Long.toString(1_769_860_800_000L - this.random.nextInt(7_200_000));
			case 1 -> "2026-01-31T12:00:00Z";
			case 2 -> Integer.toString(this.random.nextInt(2000) - 500);
			case 3 -> List.of("completed", "dead,failed", "timed_out", "retried", "bogus").get(this.random.nextInt(5));
			case 4 ->
				List.of("waiting", "active", "delayed", "completed", "dead", "failed").get(this.random.nextInt(6));
			case 5 ->
				List.of("minute", "hour", "day", "oldest", "newest", "emails", "default").get(this.random.nextInt(7));
			default -> text();
		};
	}

	String pathSegment() {
		String segment = switch (this.random.nextInt(5)) {
			case 0 -> "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";
			case 1 -> "..";
			case 2 -> "%2e%2e%2f";
			case 3 -> "x".repeat(this.random.nextInt(300));
			default -> Integer.toString(this.random.nextInt(1000));
		};
		return segment.isEmpty() ? "y" : segment;
	}

	private String object(List<String> names, int depth) {
		StringBuilder json = new StringBuilder("{");
		int fields = this.random.nextInt(5);
		for (int i = 0; i < fields; i++) {
			json.append((i > 0) ? "," : "").append(quoted(names.get(this.random.nextInt(names.size()))));
			json.append(':').append((this.random.nextInt(3) == 0) ? options() : value(depth));
		}
		return json.append('}').toString();
	}

	private String options() {
		StringBuilder json = new StringBuilder("{");
		int fields = this.random.nextInt(4);
		for (int i = 0; i < fields; i++) {
			json.append((i > 0) ? "," : "").append(quoted(OPTIONS.get(this.random.nextInt(OPTIONS.size()))));
			json.append(':').append(value(1));
		}
		return json.append('}').toString();
	}

	private String value(int depth) {
		return switch (this.random.nextInt((depth > 0) ? 12 : 10)) {
			case 0 -> "null";
			case 1 -> Boolean.toString(this.random.nextBoolean());
			case 2 -> Long.toString(this.random.nextLong());
			case 3 -> List.of("1e-320", "1e400", "-0", "9223372036854775808", "1.9", "0.0", "-1", "1000", "999")
				.get(this.random.nextInt(9));
			case 4 -> "9".repeat(1 + this.random.nextInt(1500));
			case 5, 6 -> quoted(text());
			case 7 -> Integer.toString(this.random.nextInt(100));
			case 8 -> "\"" + this.random.nextInt(1_000_000) + "\"";
			case 9 -> "[]";
			case 10 -> "[" + value(depth - 1) + "," + value(depth - 1) + "]";
			default -> object(FIELDS, depth - 1);
		};
	}

	private String truncated(String json) {
		return json.substring(0, this.random.nextInt(json.length() + 1));
	}

	private String randomText(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) this.random.nextInt((this.random.nextInt(4) == 0) ? 0xFFFF : 0x80));
		}
		return text.toString();
	}

	private static String quoted(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
