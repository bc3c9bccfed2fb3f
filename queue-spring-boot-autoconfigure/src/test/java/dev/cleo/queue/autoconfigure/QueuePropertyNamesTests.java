/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped key under {@code cleo.queues.<name>.} fails the start, naming the key, where
 * Spring Boot alone would ignore it.
 */
@RedisTest
class QueuePropertyNamesTests {

	@Test
	void aMistypedQueueKeyFailsTheStartNamingIt(RedisServer redis) {
		CleoRunners.cleo(redis, "cleo.queues.orders.concurency=5", "cleo.queues.orders.retries=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(UnboundConfigurationPropertiesException.class)
				.hasMessageContaining("cleo.queues.orders.concurency")
				.hasMessageNotContaining("retries"));
	}

	@Test
	void aMistypedNestedQueueKeyFailsTheStartToo(RedisServer redis) {
		CleoRunners.cleo(redis, "cleo.queues.orders.groups.concurrncy=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cleo.queues.orders.groups.concurrncy"));
	}

	@Test
	void everyDocumentedQueueKeyIsAccepted(RedisServer redis) {
		CleoRunners
			.cleo(redis, "cleo.queues.orders.concurrency=5", "cleo.queues.orders.retries=2",
					"cleo.queues.orders.timeout=30s", "cleo.queues.orders.ttl=1h", "cleo.queues.orders.priority=high",
					"cleo.queues.orders.backoff.type=exponential", "cleo.queues.orders.backoff.delay=2s",
					"cleo.queues.orders.groups.concurrency=2", "cleo.queues.orders.groups.strategy=fifo",
					"cleo.queues.orders.groups.rate-limit.tasks=10", "cleo.queues.orders.groups.rate-limit.period=1s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
