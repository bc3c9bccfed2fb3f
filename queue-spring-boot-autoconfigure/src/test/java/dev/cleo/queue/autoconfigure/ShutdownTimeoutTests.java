/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown holds with the defaults: the pools' shutdown timeout ends before
 * Spring Boot's {@code spring.lifecycle.timeout-per-shutdown-phase}, so a task still
 * running is handed back while the Redis connection is open, and a shutdown timeout that
 * is not below the phase timeout fails the start.
 */
@RedisTest
@ExtendWith(OutputCaptureExtension.class)
class ShutdownTimeoutTests {

	private static final Duration PHASE = Duration.ofSeconds(3);

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "spring.lifecycle.timeout-per-shutdown-phase=3s")
			.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class))
			.withPropertyValues("cleo.queues.long.concurrency=1");
	}

	@Test
	void unsetShutdownTimeoutEndsBeforeThePhaseTimeoutLeavingAMarginForTheHandBack() {
		this.runner.run((context) -> assertThat(context.getBean(CleoSettings.class).shutdownTimeout())
			.isEqualTo(Duration.ofSeconds(2)));
		this.runner.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=30s")
			.run((context) -> assertThat(context.getBean(CleoSettings.class).shutdownTimeout())
				.isEqualTo(Duration.ofSeconds(25)));
	}

	@Test
	void taskRunningLongerThanThePhaseTimeoutIsHandedBackWhenTheContextCloses(RedisServer redis,
			CapturedOutput output) {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch never = new CountDownLatch(1);
		this.runner.run((context) -> {
			QueueManager manager = context.getBean(QueueManager.class);
			manager.register("report", (task) -> {
				started.countDown();
				return never.await(60, TimeUnit.SECONDS);
			});
			TaskHandle<Object> handle = manager.enqueue("report", "", TaskOptions.defaults().queue("long"));
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			long closing = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(PHASE);
			try (QueueManager other = CleoRunners.manager(redis).get()) {
				TaskInfo task = other.task("long", handle.id()).orElseThrow();
				assertThat(task.state()).isEqualTo(TaskState.WAITING);
				assertThat(task.attempts()).isZero();
			}
		});
		assertThat(output).doesNotContain("Could not hand", "Connection is closed", "still running after timeout");
	}

	@Test
	void shutdownTimeoutNotBelowThePhaseTimeoutFailsTheStartNamingBothProperties() {
		this.runner.withPropertyValues("cleo.worker.shutdown-timeout=3s").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new CleoStartupFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("cleo.worker.shutdown-timeout (3s)",
					"spring.lifecycle.timeout-per-shutdown-phase (3s)");
			assertThat(analysis.getAction()).contains("cleo.worker.shutdown-timeout",
					"spring.lifecycle.timeout-per-shutdown-phase");
		});
	}

	@Test
	void shutdownTimeoutBelowThePhaseTimeoutIsKept() {
		this.runner.withPropertyValues("cleo.worker.shutdown-timeout=1500ms")
			.run((context) -> assertThat(context.getBean(CleoSettings.class).shutdownTimeout())
				.isEqualTo(Duration.ofMillis(1500)));
	}

	@Test
	void producerOnlyInstanceIgnoresTheShutdownTimeout() {
		this.runner.withPropertyValues("cleo.worker.enabled=false", "cleo.worker.shutdown-timeout=1m")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
