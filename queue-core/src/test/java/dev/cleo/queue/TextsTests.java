/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quoting escapes control characters and stays short; bounding keeps the start of a long
 * text and says how much was cut; the UTF-8 length is the one Java's encoder gives.
 */
class TextsTests {

	@Test
	void quoteEscapesControlCharactersAndLineSeparators() {
		assertThat(Texts.quote("a\nb\rc\td\u0001e\u007ff\u2028g")).isEqualTo("'a\\nb\\rc\\td\\u0001e\\u007ff\\u2028g'");
		assertThat(Texts.quote("plain name")).isEqualTo("'plain name'");
		assertThat(Texts.quote("")).isEqualTo("''");
		assertThat(Texts.quote(null)).isEqualTo("null");
	}

	@Test
	void quoteCutsLongValuesWithAnEllipsisAndNeverSplitsACharacter() {
		String quoted = Texts.quote("x".repeat(100_000));
		assertThat(quoted).hasSizeLessThanOrEqualTo(Texts.MAX_QUOTED + 3).startsWith("'xxx").endsWith("x\u2026'");
		assertThat(Texts.quote("y".repeat(100))).isEqualTo("'" + "y".repeat(100) + "'");
		String emoji = Texts.quote("\uD83D\uDE00".repeat(200));
		assertThat(emoji).endsWith("\uD83D\uDE00\u2026'");
		assertThat(Texts.quote("\n".repeat(1000))).hasSizeLessThanOrEqualTo(Texts.MAX_QUOTED + 5).doesNotContain("\n");
	}

	@Test
	void boundedKeepsTheStartAndCountsWhatItLeftOut() {
		assertThat(Texts.bounded("short", 10)).isEqualTo("short");
		assertThat(Texts.bounded("0123456789abc", 10)).isEqualTo("0123456789\u2026 (3 more characters)");
		assertThat(Texts.bounded("123456789\uD83D\uDE00", 10)).isEqualTo("123456789\u2026 (2 more characters)");
		assertThat(Texts.bounded(null, 10)).isNull();
	}

	@Test
	void utf8LengthIsWhatTheEncoderWrites() {
		for (String text : List.of("", "ascii", "\u00e9t\u00e9", "\u20ac", "\uD83D\uDE00", "lone \uD800 high",
				"lone \uDC00 low", "end \uD83D")) {
			assertThat(Texts.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
		}
	}

}
