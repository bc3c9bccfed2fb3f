/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskOptionsTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final TaskOptions defaults = TaskOptions.defaults();

	@Test
	void priorityBelowZeroIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> this.defaults.priority(-1))
			.withMessageStartingWith("priority must be between 0 and 1000")
			.withMessageEndingWith("was -1");
	}

	@Test
	void priorityAboveOneThousandIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> this.defaults.priority(1001))
			.withMessageStartingWith("priority must be between 0 and 1000")
			.withMessageEndingWith("was 1001");
	}

	@Test
	void zeroMaxAttemptsIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> this.defaults.maxAttempts(0))
			.withMessage("maxAttempts must be between 1 and 1000, was 0");
	}

	@Test
	void negativeDelayIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.defaults.delay(Duration.ofSeconds(-1)))
			.withMessage("delay must be between PT0S and PT8760H, was PT-1S");
	}

	@Test
	void zeroTtlIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> this.defaults.ttl(Duration.ZERO))
			.withMessage("ttl must be between PT0.001S and PT8760H, was PT0S");
	}

	@Test
	void timeoutOverSevenDaysIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.defaults.timeout(Duration.ofDays(7).plusMillis(1)))
			.withMessageStartingWith("timeout must be between PT0S and PT168H");
	}

	@Test
	void emptyDedupeIdIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> this.defaults.dedupeId(""))
			.withMessage("dedupeId must be 1 to 256 characters, was ''");
	}

	@Test
	void dedupeIdOverTwoHundredFiftySixCharactersIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.defaults.dedupeId("x".repeat(257)))
			.withMessageStartingWith("dedupeId must be 1 to 256 characters");
		assertThat(this.defaults.dedupeId("x".repeat(256)).dedupeId()).hasSize(256);
	}

	@Test
	void queueNameWithAColonIsRejectedWithTheAllowedCharacters() {
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> this.defaults.queue("a:b"))
			.withMessage("queue: Queue name 'a:b' is invalid: use 1 to 100 letters, digits, '.', '_' or '-'");
	}

	@Test
	void emptyQueueNameIsRejectedWithTheAllowedCharacters() {
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> this.defaults.queue(""))
			.withMessageStartingWith("queue: Queue name '' is invalid: use 1 to 100");
	}

	@Test
	void optionsAreCopiedNotChanged() {
		TaskOptions high = this.defaults.queue("emails").priority(TaskPriority.HIGH).maxAttempts(5);
		assertThat(high.queue()).isEqualTo("emails");
		assertThat(high.priority()).isEqualTo(10);
		assertThat(high.maxAttempts()).isEqualTo(5);
		assertThat(this.defaults.queue()).isEqualTo(TaskOptions.DEFAULT_QUEUE);
		assertThat(this.defaults.priority()).isEqualTo(TaskPriority.NORMAL.value());
		assertThat(this.defaults.maxAttempts()).isEqualTo(3);
	}

	@Test
	void runAtFromIsNowWithoutDelayOrTime() {
		assertThat(this.defaults.runAtFrom(NOW)).isEqualTo(NOW);
	}

	@Test
	void runAtFromAddsTheDelay() {
		assertThat(this.defaults.delay(Duration.ofMinutes(5)).runAtFrom(NOW)).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void runAtFromIsTheGivenTimeWhenItIsLater() {
		Instant later = NOW.plusSeconds(60);
		assertThat(this.defaults.runAt(later).runAtFrom(NOW)).isEqualTo(later);
	}

	@Test
	void runAtFromIsNowWhenTheGivenTimeIsPast() {
		assertThat(this.defaults.runAt(NOW.minusSeconds(60)).runAtFrom(NOW)).isEqualTo(NOW);
	}

	@Test
	void runAtAndDelayReplaceEachOther() {
		Instant later = NOW.plusSeconds(60);
		assertThat(this.defaults.delay(Duration.ofHours(1)).runAt(later).runAtFrom(NOW)).isEqualTo(later);
		assertThat(this.defaults.runAt(later).delay(Duration.ofSeconds(1)).runAtFrom(NOW))
			.isEqualTo(NOW.plusSeconds(1));
	}

}
