/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackoffTests {

	private final Random random = new Random(42);

	@Test
	void fixedBackoffWaitsTheSameBeforeEveryRetry() {
		Backoff backoff = Backoff.fixed(Duration.ofMillis(250));
		assertThat(IntStream.rangeClosed(1, 10).mapToObj((attempt) -> backoff.delayAfter(attempt, this.random)))
			.containsOnly(Duration.ofMillis(250));
	}

	@Test
	void exponentialBackoffDoublesFromTheBaseUntilTheCap() {
		Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));
		assertThat(IntStream.rangeClosed(1, 6).mapToObj((attempt) -> backoff.delayAfter(attempt, this.random)))
			.containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
					Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofSeconds(1));
	}

	@Test
	void exponentialBackoffStaysAtTheCapForVeryLateAttempts() {
		Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofDays(30));
		assertThat(backoff.delayAfter(1_000, this.random)).isEqualTo(Duration.ofDays(30));
		assertThat(backoff.delayAfter(Integer.MAX_VALUE, this.random)).isEqualTo(Duration.ofDays(30));
	}

	@Test
	void jitterShortensTheDelayByAtMostItsShare() {
		Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.2);
		List<Long> delays = IntStream.range(0, 1_000)
			.mapToObj((i) -> backoff.delayAfter(3, this.random).toMillis())
			.toList();
		assertThat(delays).allSatisfy((delay) -> assertThat(delay).isBetween(3_200L, 4_000L));
		assertThat(new HashSet<>(delays)).as("jitter spreads the delays").hasSizeGreaterThan(100);
	}

	@Test
	void fullJitterCanShortenTheDelayToAlmostNothing() {
		Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0);
		long shortest = IntStream.range(0, 1_000)
			.mapToLong((i) -> backoff.delayAfter(1, this.random).toMillis())
			.min()
			.orElseThrow();
		assertThat(shortest).isBetween(0L, 50L);
	}

	@Test
	void encodedBackoffDecodesToAnEqualOne() {
		Backoff fixed = Backoff.fixed(Duration.ofMillis(1500));
		Backoff exponential = Backoff.exponential(Duration.ofMillis(100), Duration.ofMinutes(5), 0.25);
		assertThat(fixed.encode()).isEqualTo("fixed:1500");
		assertThat(exponential.encode()).isEqualTo("exp:100:300000:0.25");
		assertThat(Backoff.decode(fixed.encode())).isEqualTo(fixed);
		assertThat(Backoff.decode(exponential.encode())).isEqualTo(exponential);
		assertThat(Backoff.decode(exponential.encode()).delayAfter(2, new Random(7)))
			.isEqualTo(exponential.delayAfter(2, new Random(7)));
	}

	@Test
	void negativeDelayIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> Backoff.fixed(Duration.ofMillis(-1)))
			.withMessageContaining("backoff delay")
			.withMessageContaining("between 0 and 30 days")
			.withMessageContaining("PT-0.001S");
	}

	@Test
	void delayOverThirtyDaysIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofDays(31)))
			.withMessageContaining("backoff cap")
			.withMessageContaining("between 0 and 30 days");
	}

	@Test
	void capBelowTheBaseIsRejected() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(10), Duration.ofSeconds(1)))
			.withMessageContaining("backoff cap must be at least the base delay (PT10S)")
			.withMessageContaining("was PT1S");
	}

	@Test
	void jitterOutsideZeroToOneIsRejected() {
		for (double jitter : new double[] { -0.1, 1.5, Double.NaN }) {
			assertThatExceptionOfType(InvalidTaskOptionException.class)
				.isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(2), jitter))
				.withMessage("backoff jitter must be between 0.0 and 1.0, was " + jitter);
		}
	}

}
