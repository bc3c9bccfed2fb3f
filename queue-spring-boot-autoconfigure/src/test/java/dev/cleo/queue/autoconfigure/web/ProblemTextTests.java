/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What error details repeat of a caller's input is short and inert.
 */
class ProblemTextTests {

	@Test
	void quotedValueIsCutToAHundredCharacters() {
		assertThat(ProblemText.quote("a".repeat(1_000_000))).isEqualTo("'" + "a".repeat(100) + "...'");
	}

	@Test
	void controlCharactersAreEscaped() {
		assertThat(ProblemText.quote("a\nb\r\tc\u0000d\u2028")).isEqualTo("'a\\nb\\r\\tc\\u0000d\\u2028'");
	}

	@Test
	void cutNeverSplitsASurrogatePairAndLoneSurrogatesAreEscaped() {
		String emoji = "\uD83D\uDE00";
		assertThat(ProblemText.quote("a".repeat(99) + emoji)).isEqualTo("'" + "a".repeat(99) + "...'");
		assertThat(ProblemText.quote("x\uD800y")).isEqualTo("'x\\ud800y'");
	}

	@Test
	void boundedDetailCutsLongQuotedValuesAndTheWhole() {
		String core = "group must be 1 to 200 characters, was '" + "g".repeat(5000) + "\n'";
		assertThat(ProblemText.bounded(core))
			.isEqualTo("group must be 1 to 200 characters, was '" + "g".repeat(100) + "...'");
		assertThat(ProblemText.bounded("z".repeat(100_000))).hasSize(ProblemText.MAX_DETAIL + 3);
	}

	@Test
	void listNamesTheFirstTwentyAndCountsTheRest() {
		List<String> names = IntStream.range(0, 25).mapToObj((i) -> "q" + i).toList();
		assertThat(ProblemText.list(names)).startsWith("'q0', 'q1'").endsWith("'q19' and 5 more");
		assertThat(ProblemText.list(List.of())).isEqualTo("none");
	}

}
