/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code cleo.queues.<name>} that nothing in the application uses, or a
 * {@code cleo.tasks.<task-id>} that names no task method, is named in a warning at
 * start-up; one that a task method, a pool or an API mapping uses is not.
 */
@RedisTest
@ExtendWith(OutputCaptureExtension.class)
class UnusedQueueWarningTests {

	@Test
	void aConfiguredQueueNothingUsesIsNamedInAWarning(RedisServer redis, CapturedOutput output) {
		CleoRunners
			.cleo(redis, "cleo.queues.notificatons.retries=2", "cleo.queues.notifications.retries=3",
					"cleo.queues.batch.retries=1", "cleo.worker.pools.night.queues=batch",
					"cleo.queues.mapped.retries=1", "cleo.web.api.task-queues.send=mapped")
			.withBean(Notifications.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("cleo.queues.notificatons is configured, but no @Task method");
				assertThat(output).doesNotContain("cleo.queues.notifications is configured")
					.doesNotContain("cleo.queues.batch is configured")
					.doesNotContain("cleo.queues.mapped is configured");
			});
	}

	@Test
	void aConfiguredTaskIdNoMethodHasIsNamedInAWarning(RedisServer redis, CapturedOutput output) {
		CleoRunners
			.cleo(redis, "cleo.tasks.Notifications.sendd.retries=2", "cleo.tasks.Notifications.send.retries=3",
					"cleo.tasks.notifications.send.timeout=1m")
			.withBean(Notifications.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("cleo.tasks.Notifications.sendd is configured, but no task method");
				assertThat(output).doesNotContain("cleo.tasks.Notifications.send is configured")
					.doesNotContain("cleo.tasks.notifications.send is configured");
			});
	}

	@QueueClass(queue = "notifications")
	static class Notifications {

		public void send(String text) {
		}

	}

}
