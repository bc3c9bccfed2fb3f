/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caller text in a log line: escaped so it cannot start a line of its own, and bounded.
 */
class LogSafeTests {

	@Test
	void plainTextIsKept() {
		assertThat(LogSafe.text("example.com")).isEqualTo("example.com");
	}

	@Test
	void lineBreaksEscapesAndBidiOverridesAreEscaped() {
		assertThat(LogSafe.text("x.org\n18:00:00.000 ERROR\r\u001b[2J\u202e"))
			.isEqualTo("x.org\\n18:00:00.000 ERROR\\r\\u001b[2J\\u202e");
	}

	@Test
	void longTextIsCutAndItsLengthSaid() {
		assertThat(LogSafe.text("y".repeat(100_000))).isEqualTo("y".repeat(100) + "... (100000 characters)");
	}

	@Test
	void nullIsWrittenAsNull() {
		assertThat(LogSafe.text(null)).isEqualTo("null");
	}

}
