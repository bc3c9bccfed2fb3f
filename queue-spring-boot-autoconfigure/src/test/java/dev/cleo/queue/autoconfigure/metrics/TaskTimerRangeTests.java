/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.autoconfigure.CleoProperties;
import dev.cleo.queue.autoconfigure.QueueOverrides;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How far the task timers' histograms reach, from the configured timeouts.
 */
class TaskTimerRangeTests {

	private final CleoProperties properties = new CleoProperties();

	@Test
	void anHourWhenNothingSetsATimeout() {
		assertThat(TaskTimerRange.of(this.properties)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void anHourWithoutCleosProperties() {
		assertThat(TaskTimerRange.of(null)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void twiceTheLongestTimeoutWhenEveryQueueHasOne() {
		this.properties.getDefaults().setTimeout(Duration.ofMinutes(2));
		queue("orders").setTimeout(Duration.ofSeconds(30));
		queue("reports").setTimeout(Duration.ofMinutes(10));
		assertThat(TaskTimerRange.of(this.properties)).isEqualTo(Duration.ofMinutes(20));
	}

	@Test
	void atLeastAnHourWhileSomeQueueHasNoTimeout() {
		this.properties.getDefaults().setTimeout(Duration.ofSeconds(20));
		queue("orders").setTimeout(Duration.ofSeconds(30));
		queue("imports").setTimeout(Duration.ZERO);
		assertThat(TaskTimerRange.of(this.properties)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aTimeoutLongerThanAnHourWidensTheRangeEvenWhereOthersHaveNone() {
		queue("exports").setTimeout(Duration.ofHours(3));
		assertThat(TaskTimerRange.of(this.properties)).isEqualTo(Duration.ofHours(6));
	}

	private QueueOverrides queue(String name) {
		return this.properties.getQueues().computeIfAbsent(name, (key) -> new QueueOverrides());
	}

}
