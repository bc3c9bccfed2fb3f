/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.history.TaskHistoryService;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link TaskHistoryService} bean and the {@code cleo.history.*} properties.
 */
@RedisTest
class HistoryAutoConfigurationTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s");
	}

	@Test
	void theHistoryServiceIsTheManagersAndOnByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TaskHistoryService.class);
			TaskHistoryService history = context.getBean(TaskHistoryService.class);
			assertThat(history).isSameAs(context.getBean(QueueManager.class).history());
			assertThat(history.isEnabled()).isTrue();
		});
	}

	@Test
	void historyIsSwitchedOffByProperty() {
		this.runner.withPropertyValues("cleo.history.enabled=false")
			.run((context) -> assertThat(context.getBean(TaskHistoryService.class).isEnabled()).isFalse());
	}

	@Test
	void aValueOutOfRangeFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("cleo.history.events.max-count=5").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("cleo.history.events.max-count must be between 100 and 10000000, was 5");
		});
	}

}
