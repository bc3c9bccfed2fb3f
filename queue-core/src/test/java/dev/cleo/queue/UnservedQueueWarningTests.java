/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tasks enqueued to a queue that no worker pool serves, here or on another instance, wait
 * for ever: the instance that enqueues them says so once, at WARN, and names the fix;
 * where a pool serves the queue it stays quiet.
 */
@QueueManagerTest
class UnservedQueueWarningTests {

	private static final String WARNINGS = "dev.cleo.queue.UnservedQueueWarning";

	private QueueManager producer;

	private QueueManagers managers;

	private CapturedLogs logs;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
		this.producer = managers.build();
		this.logs = CapturedLogs.cleo();
	}

	@AfterEach
	void tearDown() {
		this.logs.close();
	}

	@Test
	void aProducerWarnsOnceAboutAQueueNoPoolServesAndSaysHowToServeIt() {
		for (int i = 0; i < 20; i++) {
			this.producer.enqueue("report", i, TaskOptions.defaults().queue("orphans"));
		}
		this.producer.enqueueAll(List.of(TaskRequest.of("report", 20, TaskOptions.defaults().queue("orphans")),
				TaskRequest.of("report", 21, TaskOptions.defaults().queue("orphans"))));

		ILoggingEvent warning = awaitWarning("orphans");
		assertThat(warning.getLevel()).isEqualTo(Level.WARN);
		assertThat(warning.getFormattedMessage())
			.startsWith("No worker pool serves queue 'orphans', on this instance or any other seen in Redis")
			.contains("QueueManager.startWorkers", "cleo.queues.orphans");
		// Checks of one manager are answered in order: once a later queue's warning is
		// out, every check of the first queue is answered.
		this.producer.enqueue("report", 0, TaskOptions.defaults().queue("strays"));
		awaitWarning("strays");
		assertThat(warnings("orphans")).hasSize(1);
		assertThat(this.producer.counts("orphans").waiting()).isEqualTo(22);
	}

	@Test
	void noWarningWhenAPoolOfAnotherInstanceOrOfThisOneServesTheQueue() {
		QueueManager worker = this.managers.build((builder) -> builder.workerId("elsewhere"));
		worker.startWorkers(WorkerPoolOptions.builder().queue("served").build());
		this.producer.startWorkers(WorkerPoolOptions.builder().queue("local").build());

		this.producer.enqueue("report", 1, TaskOptions.defaults().queue("served"));
		this.producer.enqueue("report", 2, TaskOptions.defaults().queue("local"));
		this.producer.enqueue("report", 3, TaskOptions.defaults().queue("strays"));

		awaitWarning("strays");
		assertThat(this.logs.lines((line) -> line.getLoggerName().equals(WARNINGS))).hasSize(1);
	}

	@Test
	void servedQueuesAreThoseWithARunningPoolHereOrAFreshPresenceInRedis() {
		QueueManager worker = this.managers.build((builder) -> builder.workerId("elsewhere"));
		worker.startWorkers(WorkerPoolOptions.builder().queue("served").build());
		this.producer.startWorkers(WorkerPoolOptions.builder().queue("local").build());

		assertThat(this.producer.servedAsync(List.of("served", "local", "orphans")))
			.succeedsWithin(Duration.ofSeconds(5))
			.isEqualTo(java.util.Set.of("served", "local"));
		worker.workerPools().forEach((pool) -> pool.stop());
		assertThat(this.producer.servedAsync(List.of("served", "local"))).succeedsWithin(Duration.ofSeconds(5))
			.isEqualTo(java.util.Set.of("local"));
	}

	private ILoggingEvent awaitWarning(String queue) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> warnings(queue), (lines) -> !lines.isEmpty()).get(0);
	}

	private List<ILoggingEvent> warnings(String queue) {
		return this.logs.lines((line) -> line.getLoggerName().equals(WARNINGS)
				&& line.getFormattedMessage().contains("queue '" + queue + "'"));
	}

}
