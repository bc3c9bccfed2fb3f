/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile JSON for the fuzz test, drawn from one seeded {@link Random}: wrong types, huge
 * and odd numbers, deep nesting, long strings, control characters, expression-language
 * look-alikes and Java class names, next to sane values so that some requests get past
 * the first check.
 */
final class FuzzValues {

	static final List<String> NUMBERS = List.of("0", "1", "2", "5", "-1", "1.9", "0.1", "-0", "1e-320", "4.9e-324",
			"2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
			"-9223372036854775809", "1e308", "1e309", "-1e309", "31536000000", "1E+2", "NaN", "Infinity", "0x10", "01",
			"123456789012345678901234567890123456789012345678901234567890", "1" + "0".repeat(1500));

	static final List<String> STRINGS = List.of("", " ", "default", "work", "orders", "${7*7}", "#{7*7}",
			"#{T(java.lang.Runtime).getRuntime().exec('id')}", "${jndi:ldap://127.0.0.1:1/a}", "*{7*7}", "{{7*7}}",
			"%{7*7}", "java.lang.Runtime", "java.lang.ProcessBuilder",
			"org.springframework.context.support.FileSystemXmlApplicationContext",
			"dev.cleo.queue.autoconfigure.web.JobRequest", "../../etc/passwd", "a\nb", "x\n18:00:00.000 ERROR FORGED",
			"\u0000\u001b[31m", "\u202egnp.exe", "\ud800", "😀", "' OR 1=1 --", "<script>alert(1)</script>", "%00",
			"null", "true", "send-email", "simulate-work", "generate-report", "place-order", "password-reset",
			"reports.digest", "c-1", "bob@example.org");

	static final List<String> OBJECTS = List.of("{\"@class\":\"java.util.HashMap\"}",
			"{\"@type\":\"java.net.URL\",\"val\":\"http://127.0.0.1:1\"}", "[\"java.lang.ProcessBuilder\",[\"id\"]]",
			"{\"$ref\":\"#\"}", "{\"__proto__\":{\"a\":1}}", "{}", "[]", "{\"a\":1,\"a\":2}");

	private final Random random;

	FuzzValues(Random random) {
		this.random = random;
	}

	/** Any JSON value, at most {@code depth} levels deep. */
	String json(int depth) {
		return switch (this.random.nextInt((depth > 0) ? 9 : 6)) {
			case 0, 1 -> number();
			case 2, 3 -> string();
			case 4 -> pick(List.of("true", "false", "null"));
			case 5 -> pick(OBJECTS);
			case 6 -> array(depth - 1);
			default -> object(depth - 1);
		};
	}

	String number() {
		return pick(NUMBERS);
	}

	/** A JSON string literal. */
	String string() {
		int kind = this.random.nextInt(10);
		if (kind == 0) {
			return quote("s".repeat(this.random.nextInt(20_000)));
		}
		if (kind == 1) {
			return quote(new String(bytes(64), StandardCharsets.ISO_8859_1));
		}
		return quote(pick(STRINGS));
	}

	/** A sane string or, one time in five, a hostile value of any type. */
	String stringOr(String sane) {
		return (this.random.nextInt(5) > 0) ? quote(sane) : json(1);
	}

	/** A sane number or, one time in five, a hostile value of any type. */
	String numberOr(String sane) {
		return (this.random.nextInt(5) > 0) ? sane : json(1);
	}

	String array(int depth) {
		StringBuilder array = new StringBuilder("[");
		for (int i = this.random.nextInt(4); i > 0; i--) {
			array.append(json(depth)).append((i > 1) ? "," : "");
		}
		return array.append(']').toString();
	}

	String object(int depth) {
		StringBuilder object = new StringBuilder("{");
		for (int i = this.random.nextInt(4); i > 0; i--) {
			object.append(string()).append(':').append(json(depth)).append((i > 1) ? "," : "");
		}
		return object.append('}').toString();
	}

	/** Arrays or objects nested up to 100,000 deep. */
	String nested() {
		int depth = 1 + this.random.nextInt((this.random.nextBoolean()) ? 2_000 : 100_000);
		boolean arrays = this.random.nextBoolean();
		return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
	}

	byte[] bytes(int max) {
		byte[] bytes = new byte[this.random.nextInt(max + 1)];
		this.random.nextBytes(bytes);
		return bytes;
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		text.chars().forEach((c) -> {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append((char) c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", c));
			}
			else {
				quoted.append((char) c);
			}
		});
		return quoted.append('"').toString();
	}

}
