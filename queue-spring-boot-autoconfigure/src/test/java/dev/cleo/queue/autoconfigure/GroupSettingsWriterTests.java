/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two applications on one Redis whose yml group settings for the same queue differ: the
 * one that starts second warns about each differing setting, naming the stored and the
 * new value, then writes its own as before.
 */
@RedisTest
@ExtendWith(OutputCaptureExtension.class)
class GroupSettingsWriterTests {

	private static final String[] FIRST = { "cleo.queues.orders.groups.concurrency=3",
			"cleo.queues.orders.groups.strategy=priority", "cleo.queues.orders.groups.rate-limit.tasks=10",
			"cleo.queues.orders.groups.rate-limit.period=1s",
			"cleo.queues.orders.groups.overrides.vip.rate-limit.tasks=100",
			"cleo.queues.orders.groups.overrides.vip.rate-limit.period=500ms" };

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.enabled=false");
	}

	@Test
	void secondApplicationWarnsAboutEachSettingThatDiffersAndWritesItsOwn(CapturedOutput output) {
		this.runner.withPropertyValues(FIRST).run((first) -> {
			assertThat(first).hasNotFailed();
			this.runner.withPropertyValues(FIRST)
				.withPropertyValues("cleo.queues.orders.groups.concurrency=5",
						"cleo.queues.orders.groups.rate-limit.tasks=20",
						"cleo.queues.orders.groups.overrides.vip.rate-limit.tasks=50")
				.run((second) -> {
					assertThat(second).hasNotFailed();
					assertThat(second.getBean(QueueManager.class).groups("orders").concurrency()).isEqualTo(5);
				});
		});
		assertThat(output)
			.contains("cleo.queues.orders.groups.concurrency: Redis holds 3, written by another application",
					"this application writes 5")
			.contains("cleo.queues.orders.groups.rate-limit: Redis holds 10 per PT1S", "writes 20 per PT1S")
			.contains("cleo.queues.orders.groups.overrides.vip.rate-limit: Redis holds 100 per PT0.5S",
					"writes 50 per PT0.5S")
			.doesNotContain("groups.strategy: Redis holds");
	}

	@Test
	void sameSettingsOrAFirstStartWarnAboutNothing(CapturedOutput output) {
		this.runner.withPropertyValues(FIRST)
			.run((first) -> this.runner.withPropertyValues(FIRST).run((second) -> assertThat(second).hasNotFailed()));
		assertThat(output).doesNotContain("Redis holds");
	}

}
