/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How caller input and messages are bounded and escaped before an answer shows them.
 */
class SafeTextTests {

	@Test
	void shortInputIsQuotedAsItIs() {
		assertThat(SafeText.quote("orders")).isEqualTo("'orders'");
	}

	@Test
	void controlFormatAndSeparatorCharactersAreEscaped() {
		assertThat(SafeText.quote("a\nb\r\tc\u0000\u001b[31m\u202e\u2028"))
			.isEqualTo("'a\\nb\\r\\tc\\u0000\\u001b[31m\\u202e\\u2028'");
	}

	@Test
	void longInputIsCutAfterAHundredCharactersAndItsLengthSaid() {
		assertThat(SafeText.quote("x".repeat(1_000_000)))
			.isEqualTo("'" + "x".repeat(100) + "...' (1000000 characters)");
	}

	@Test
	void messagesAreCutAfterThreeHundredCharacters() {
		assertThat(SafeText.bound("y".repeat(301) + "\n")).isEqualTo("y".repeat(300) + "...");
		assertThat(SafeText.bound("line\nbreak")).isEqualTo("line\\nbreak");
	}

}
