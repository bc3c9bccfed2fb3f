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
 * A mistyped key under {@code cleo.queues.<name>.} or {@code cleo.tasks.<task-id>.} fails
 * the start, naming the key, where Spring Boot alone would ignore it.
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
	void theReportNamesEachMistypedKeyAndWhatItWasLikelyMeantToBe(RedisServer redis) {
		CleoRunners
			.cleo(redis, "cleo.queues.orders.concurency=5", "cleo.queues.orders.groups.rate-limt.tasks=3",
					"cleo.queues.orders.colour=blue")
			.run((context) -> {
				assertThat(context).hasFailed();
				CleoStartupException failure = findStartupFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("- cleo.queues.orders.concurency")
					.contains(": did you mean concurrency?")
					.contains("- cleo.queues.orders.groups.rate-limt.tasks")
					.contains(": did you mean groups.rate-limit.tasks?")
					.contains("- cleo.queues.orders.colour")
					.contains(": no such queue setting")
					.doesNotContain("Bindable");
				assertThat(failure.getAction()).startsWith("A queue (cleo.queues.<name>.) takes ")
					.contains("backoff.max-delay")
					.contains("groups.priorities.<group>");
			});
		CleoRunners.cleo(redis, "cleo.tasks.Mailer.send.retrys=5").run((context) -> {
			CleoStartupException failure = findStartupFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("- cleo.tasks.mailer.send.retrys")
				.contains(": did you mean retries?");
			assertThat(failure.getAction()).startsWith("A task (cleo.tasks.<task-id>.) takes priority, retries");
		});
	}

	private static CleoStartupException findStartupFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CleoStartupException startup) {
				return startup;
			}
		}
		throw new AssertionError("No CleoStartupException in " + failure);
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

	@Test
	void aMistypedTaskKeyFailsTheStartNamingIt(RedisServer redis) {
		CleoRunners.cleo(redis, "cleo.tasks.x.retrys=5", "cleo.tasks.y.retries=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(UnboundConfigurationPropertiesException.class)
				.hasMessageContaining("cleo.tasks.x.retrys")
				.hasMessageNotContaining("cleo.tasks.y"));
	}

	@Test
	void aMistypedNestedTaskKeyOfADottedIdFailsTheStartToo(RedisServer redis) {
		CleoRunners.cleo(redis, "cleo.tasks.NotificationService.sendEmail.backoff.dealy=2s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(UnboundConfigurationPropertiesException.class)
				// Boot names keys in its canonical form, its report adds where each was
				// set.
				.hasMessageContaining("cleo.tasks.notificationservice.sendemail.backoff.dealy"));
	}

	@Test
	void aTaskValueThatIsNotADurationFailsTheStartNamingTheKey(RedisServer redis) {
		CleoRunners.cleo(redis, "cleo.tasks.Mail.send.timeout=soon")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cleo.tasks.Mail.send.timeout")
				.hasMessageContaining("soon"));
	}

	@Test
	void everyDocumentedTaskKeyIsAccepted(RedisServer redis) {
		CleoRunners
			.cleo(redis, "cleo.tasks.Mail.send.priority=high", "cleo.tasks.Mail.send.retries=2",
					"cleo.tasks.Mail.send.timeout=30s", "cleo.tasks.Mail.send.ttl=1h",
					"cleo.tasks.Mail.send.backoff.type=fixed", "cleo.tasks.Mail.send.backoff.delay=2s",
					"cleo.tasks.Mail.send.backoff.max-delay=1m", "cleo.tasks.Mail.send.backoff.jitter=0.1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
