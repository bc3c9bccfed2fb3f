/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.worker.WorkerPoolOptions;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What callers send comes back in messages bounded and escaped, stored errors are
 * bounded, and Cleo's log lines carry no payload text.
 */
@QueueManagerTest
class BoundedTextsTests {

	private static final String HUGE = "g".repeat(100_000) + "\n12:00:00.000 ERROR forged line";

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
	}

	@Test
	void aHugeGroupNameWithANewlineIsRefusedWithAShortOneLineMessage() {
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> TaskOptions.defaults().group(HUGE))
			.satisfies((ex) -> assertShortAndOneLine(ex.getMessage()))
			.withMessageContaining("group must be 1 to 200 characters without control characters, was 'ggg");
	}

	@Test
	void everyRefusalThatQuotesACallersValueQuotesItBoundedAndEscaped() {
		List<Runnable> refusals = List.of(() -> TaskOptions.defaults().dedupeId(HUGE),
				() -> TaskOptions.defaults().queue(HUGE), () -> TaskRequest.of(HUGE, null),
				() -> TaskRequest.of("line\nbreak", null), () -> this.manager.register(HUGE, (task) -> null),
				() -> this.manager.counts(HUGE), () -> this.manager.groups("q").merge("same\n", "same\n"),
				() -> Schedule.cron(HUGE, "* * * * *"), () -> Schedule.cron("nightly", HUGE),
				() -> Schedule.cron("nightly", "0 61 * * * *\n"), () -> this.manager.schedules().trigger("q", HUGE),
				() -> QueueManager.builder().keyPrefix(HUGE));
		for (Runnable refusal : refusals) {
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(refusal::run)
				.satisfies((ex) -> assertShortAndOneLine(ex.getMessage()));
		}
	}

	@Test
	void aHandlerThrowingAOneMegabyteMessageStoresABoundedError() {
		List<TaskEvent> failures = new CopyOnWriteArrayList<>();
		this.manager.onTaskEvent(failures::add, ObserverEvent.FAILED);
		this.manager.register("noisy", (task) -> {
			throw new IllegalStateException("e".repeat(1_000_000));
		});
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").build());
		TaskHandle<Object> handle = this.manager.enqueue("noisy", null,
				TaskOptions.defaults().queue("jobs").maxAttempts(1));

		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.DEAD);

		String error = handle.info().orElseThrow().lastError();
		// The message is cut on its own line, so the stack trace after it survives.
		assertThat(error)
			.startsWith(
					"java.lang.IllegalStateException: " + "e".repeat(1_000) + "\u2026 (999000 more characters)\n\tat ")
			.hasSizeLessThan(HistoryOptions.defaults().maxErrorLength() + 40);
		assertThat(this.manager.deadLetters("jobs").list(0, 1)).singleElement()
			.satisfies((task) -> assertThat(task.lastError()).isEqualTo(error));
		await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
		assertThat(failures.get(0).detail()).isEqualTo(error);
	}

	@Test
	void cleosLogLinesCarryNoPayloadText() {
		Logger cleo = (Logger) LoggerFactory.getLogger("dev.cleo.queue");
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		Level level = cleo.getLevel();
		cleo.setLevel(Level.DEBUG);
		cleo.addAppender(lines);
		try {
			this.manager.register("strict", (task) -> Integer.parseInt(task.payload(String.class)));
			this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").build());
			TaskHandle<Object> handle = this.manager.enqueue("strict", "secret-card-4111",
					TaskOptions.defaults().queue("jobs").maxAttempts(1));
			await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.DEAD);
			assertThat(handle.info().orElseThrow().lastError()).contains("secret-card-4111");
		}
		finally {
			cleo.detachAppender(lines);
			cleo.setLevel(level);
		}
		// The handler's own exception is logged as it is, message included, as Spring's
		// @Async error handler logs it; Cleo's text around it quotes no payload.
		assertThat(lines.list).isNotEmpty()
			.noneSatisfy((line) -> assertThat(line.getFormattedMessage()).contains("secret-card"))
			.filteredOn((line) -> line.getThrowableProxy() != null)
			.allSatisfy((line) -> assertThat(line.getThrowableProxy().getClassName())
				.isEqualTo(NumberFormatException.class.getName()));
	}

	/**
	 * Short next to the 100,000 characters given; the longest explains the cron formats.
	 */
	private static void assertShortAndOneLine(String message) {
		assertThat(message).hasSizeLessThan(800)
			.doesNotContain("\n")
			.doesNotContain("\r")
			.doesNotContain("g".repeat(101));
	}

}
