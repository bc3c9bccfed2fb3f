/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.Duration;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.annotation.DefaultOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.RetryBackoff;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ${...}} placeholders in the String attributes of {@code @QueueClass},
 * {@code @DefaultOptions}, {@code @RetryBackoff} and {@code @Task} resolve against the
 * environment, as {@code @Scheduled}'s do; one that names no property fails the start
 * naming the method.
 */
@RedisTest
class TaskAttributePlaceholdersTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.enabled=false")
			.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class));
	}

	@Test
	void placeholdersResolveInEveryStringAttribute() {
		this.runner.withBean(Exports.class)
			.withPropertyValues("app.queue=exports-eu", "app.ttl=2h", "app.delay=7s", "app.id=exports.nightly",
					"app.timeout=90s", "app.region=eu", "app.max-delay=10m")
			.run((context) -> {
				TaskOptions options = TaskOptionsPrecedenceTests.options(context, "exports.nightly");
				assertThat(options.queue()).isEqualTo("exports-eu");
				assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
				assertThat(options.ttl()).isEqualTo(Duration.ofHours(2));
				assertThat(options.backoff())
					.isEqualTo(Backoff.exponential(Duration.ofSeconds(7), Duration.ofMinutes(10), 0.2));
				TaskHandle<Void> handle = context.getBean(Exports.class).export("r-1");
				TaskInfo stored = context.getBean(QueueManager.class).task("exports-eu", handle.id()).orElseThrow();
				assertThat(stored.name()).isEqualTo("exports.nightly");
				assertThat(stored.group()).isEqualTo("eu-r-1");
				assertThat(context.getBean(Exports.class).export("r-1").isDuplicate()).isTrue();
			});
	}

	@Test
	void aPlaceholderThatNamesNoPropertyFailsTheStartNamingTheMethod() {
		this.runner.withBean(Unconfigured.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Unconfigured.run(..)")
				.hasMessageContaining("${app.run-timeout}")
				.hasMessageContaining("Could not resolve placeholder 'app.run-timeout'"));
	}

	@QueueClass(queue = "${app.queue}",
			defaultOptions = @DefaultOptions(ttl = "${app.ttl}", group = "'${app.region}-' + #report",
					backoff = @RetryBackoff(delay = "${app.delay}", maxDelay = "${app.max-delay}")))
	public static class Exports {

		@Task(id = "${app.id}", timeout = "${app.timeout}", dedupeKey = "'${app.region}:' + #report")
		public TaskHandle<Void> export(String report) {
			return null;
		}

	}

	@QueueClass
	public static class Unconfigured {

		@Task(timeout = "${app.run-timeout}")
		public void run() {
		}

	}

}
