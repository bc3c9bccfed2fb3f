/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.InvalidTaskOptionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WorkerPoolOptionsTests {

	@Test
	void defaultsAreThoseDocumented() {
		WorkerPoolOptions options = WorkerPoolOptions.builder().queue("emails").build();
		assertThat(options.concurrency()).isEqualTo(10);
		assertThat(options.selection()).isEqualTo(WorkerPoolOptions.QueueSelection.STRICT);
		assertThat(options.lease()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.heartbeat()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.idleWait()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.queues()).containsExactly(java.util.Map.entry("emails", 1));
	}

	@Test
	void zeroConcurrencyIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> WorkerPoolOptions.builder().queue("emails").concurrency(0).build())
			.withMessage("concurrency must be between 1 and 10000, was 0");
	}

	@Test
	void concurrencyOverTenThousandIsRejectedWithItsRange() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> WorkerPoolOptions.builder().queue("emails").concurrency(10_001).build())
			.withMessage("concurrency must be between 1 and 10000, was 10001");
	}

	@Test
	void heartbeatAsLongAsTheLeaseIsRejected() {
		assertThatHeartbeatAndLeaseAreRefused(Duration.ofSeconds(5), Duration.ofSeconds(5))
			.withMessage("heartbeat (PT5S) must be shorter than the lease (PT5S)");
	}

	@Test
	void heartbeatLongerThanTheLeaseIsRejected() {
		assertThatHeartbeatAndLeaseAreRefused(Duration.ofSeconds(1), Duration.ofSeconds(2))
			.withMessageContaining("heartbeat (PT2S) must be shorter than the lease (PT1S)");
	}

	@Test
	void poolWithoutQueuesIsRejected() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> WorkerPoolOptions.builder().name("mailers").build())
			.withMessage("worker pool 'mailers' must serve at least one queue");
	}

	@Test
	void leaseUnderOneHundredMillisecondsIsRejected() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> WorkerPoolOptions.builder().queue("emails").lease(Duration.ofMillis(99)).build())
			.withMessage("lease must be at least PT0.1S, was PT0.099S");
	}

	@Test
	void queueWeightOutsideItsRangeIsRejected() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> WorkerPoolOptions.builder().queue("emails", 0))
			.withMessage("weight of queue 'emails' must be between 1 and 1000, was 0");
	}

	@Test
	void invalidQueueNameIsRejected() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> WorkerPoolOptions.builder().queue("a:b"))
			.withMessageContaining("Queue name 'a:b' is invalid");
	}

	private static ThrowableAssertAlternative<InvalidTaskOptionException> assertThatHeartbeatAndLeaseAreRefused(
			Duration lease, Duration heartbeat) {
		return assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> WorkerPoolOptions.builder().queue("emails").lease(lease).heartbeat(heartbeat).build());
	}

}
