/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleo.queue.Texts;

/**
 * What error details repeat of a caller's input is short and inert.
 */
class ProblemTextTests {

	@Test
	void quotedValueIsCutToAHundredCharacters() {
		assertThat(Texts.quote("a".repeat(1_000_000))).hasSizeLessThan(110).startsWith("'aaa").endsWith("\u2026'");
	}

	@Test
	void controlCharactersOfAQuotedValueAreEscaped() {
		assertThat(Texts.quote("a\nb\tc\u0000d")).isEqualTo("'a\\nb\\tc\\u0000d'");
	}

	@Test
	void boundedDetailCutsLongQuotedValuesEscapesAndBoundsTheWhole() {
		String message = "Queue name '" + "g".repeat(5000) + "' is invalid\nFORGED";
		assertThat(ProblemText.bounded(message)).startsWith("Queue name 'ggg")
			.endsWith("\u2026' is invalid\\u000aFORGED")
			.hasSizeLessThan(140);
		assertThat(ProblemText.bounded("z".repeat(100_000))).hasSizeLessThan(ProblemText.MAX_DETAIL + 40);
	}

	@Test
	void cutOffQuotedValueIsStillCut() {
		assertThat(ProblemText.bounded("was '" + "q".repeat(100_000))).hasSizeLessThan(120);
	}

	@Test
	void listNamesTheFirstTwentyAndCountsTheRest() {
		List<String> names = IntStream.range(0, 25).mapToObj((i) -> "q" + i).toList();
		assertThat(ProblemText.list(names)).startsWith("'q0', 'q1'").endsWith("'q19' and 5 more");
		assertThat(ProblemText.list(List.of())).isEqualTo("none");
	}

}
