/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.worker.TaskMdc;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failures are visible: a failed attempt is logged at WARN and a dead task at ERROR with
 * the task id, name, queue and attempt and the exception's stack trace, never the
 * payload; the MDC names the task while its handler runs; the stored error carries a
 * trimmed, bounded stack trace.
 */
@QueueManagerTest
class FailedAttemptLoggingTests {

	private static final String QUEUE = "visible";

	private static final String FAILURES = "dev.cleo.queue.worker.FailureLog";

	private QueueManager manager;

	private CapturedLogs logs;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.logs = CapturedLogs.cleo();
	}

	@AfterEach
	void tearDown() {
		this.logs.close();
	}

	@Test
	void aFailedAttemptThatRetriesIsLoggedAtWarnWithTheTaskAndTheExceptionsStackTrace() {
		this.manager.register("charge", (task) -> {
			throw new IllegalStateException("card declined");
		});
		TaskHandle<Object> handle = this.manager.enqueue("charge", "x",
				options().maxAttempts(3).backoff(Backoff.fixed(Duration.ofMinutes(1))));
		start();

		ILoggingEvent line = awaitFailureLine(handle);
		assertThat(line.getLevel()).isEqualTo(Level.WARN);
		assertThat(line.getFormattedMessage()).isEqualTo("Task " + handle.id() + " ('charge') on queue '" + QUEUE
				+ "' failed on attempt 1 of 3; it runs again in " + retryInMillis(line) + " ms");
		assertThat(retryInMillis(line)).isBetween(50_000L, 60_000L);
		IThrowableProxy ex = line.getThrowableProxy();
		assertThat(ex.getClassName()).isEqualTo(IllegalStateException.class.getName());
		assertThat(ex.getMessage()).isEqualTo("card declined");
		assertThat(ex.getStackTraceElementProxyArray()).isNotEmpty()
			.anySatisfy((frame) -> assertThat(frame.getSTEAsString()).contains(getClass().getName()));
		assertThat(line.getMDCPropertyMap()).containsEntry(TaskMdc.TASK_ID, handle.id())
			.containsEntry(TaskMdc.ATTEMPT, "1");
	}

	@Test
	void aDeadTaskIsLoggedAtErrorWithTheTaskAndTheException() {
		this.manager.register("charge", (task) -> {
			throw new IllegalStateException("card stolen");
		});
		TaskHandle<Object> handle = this.manager.enqueue("charge", "x", options().maxAttempts(1));
		start();

		ILoggingEvent line = awaitFailureLine(handle);
		assertThat(line.getLevel()).isEqualTo(Level.ERROR);
		assertThat(line.getFormattedMessage()).isEqualTo("Task " + handle.id() + " ('charge') on queue '" + QUEUE
				+ "' failed on attempt 1 of 1; it goes to the dead-letter queue");
		assertThat(line.getThrowableProxy().getMessage()).isEqualTo("card stolen");
		await().until(() -> handle.state().orElseThrow() == TaskState.DEAD);
	}

	@Test
	void theMdcNamesTheTaskWhileItsHandlerRunsOnly() {
		CompletableFuture<Map<String, String>> seen = new CompletableFuture<>();
		this.manager.register("report", (task) -> seen.complete(MDC.getCopyOfContextMap()));
		TaskHandle<Object> handle = this.manager.enqueue("report", "x", options());
		start();

		assertThat(seen).succeedsWithin(Duration.ofSeconds(10))
			.isEqualTo(Map.of(TaskMdc.TASK_ID, handle.id(), TaskMdc.TASK_NAME, "report", TaskMdc.QUEUE, QUEUE,
					TaskMdc.ATTEMPT, "1"));
		// Cleo's own lines after the attempt (the ack, on another thread) carry none of
		// it.
		assertThat(MDC.get(TaskMdc.TASK_ID)).isNull();
	}

	@Test
	void theStoredErrorHoldsATrimmedStackTraceWithinItsBound() {
		this.manager.register("deep", (task) -> {
			throw deepFailure(200);
		});
		TaskHandle<Object> handle = this.manager.enqueue("deep", "x", options().maxAttempts(1));
		start();
		await().until(() -> handle.state().orElseThrow() == TaskState.DEAD);

		String error = handle.info().orElseThrow().lastError();
		List<String> lines = error.lines().toList();
		assertThat(lines.get(0))
			.isEqualTo("java.lang.IllegalStateException: " + "w".repeat(1_000) + "\u2026 (1000 more characters)");
		assertThat(lines.get(1)).startsWith("\tat " + getClass().getName() + ".recurse(");
		assertThat(lines).contains("Caused by: java.io.IOException: disk full")
			.anySatisfy((line) -> assertThat(line).matches("\t\\.\\.\\. \\d+ more"));
		assertThat(lines.stream().filter((line) -> line.startsWith("\tat "))).hasSizeLessThanOrEqualTo(12 * 2);
		assertThat(error).hasSizeLessThanOrEqualTo(HistoryOptions.defaults().maxErrorLength());
		assertThat(this.manager.deadLetters(QUEUE).list(0, 1)).singleElement()
			.satisfies((task) -> assertThat(task.lastError()).isEqualTo(error));
	}

	@Test
	void noLoggedLineShowsThePayload() {
		String marker = "payload-marker-5d1e";
		this.manager.register("refuse", (task) -> {
			task.payload(String.class);
			throw new IllegalStateException("refused");
		});
		this.manager.register("unreadable", (task) -> task.payload(Integer.class));
		TaskHandle<Object> refused = this.manager.enqueue("refuse", marker, options().maxAttempts(1));
		TaskHandle<Object> unreadable = this.manager.enqueue("unreadable", marker, options().maxAttempts(2));
		start();
		awaitFailureLine(refused);
		ILoggingEvent unread = awaitFailureLine(unreadable);
		await().until(() -> unreadable.state().orElseThrow() == TaskState.DEAD);

		assertThat(unread.getLevel()).isEqualTo(Level.ERROR);
		assertThat(unreadable.info().orElseThrow().lastError()).contains(marker);
		assertThat(this.logs.lines()).isNotEmpty()
			.noneSatisfy((line) -> assertThat(CapturedLogs.fullText(line)).contains(marker));
	}

	private ILoggingEvent awaitFailureLine(TaskHandle<Object> handle) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.logs.lines((line) -> line.getLoggerName().equals(FAILURES)
					&& line.getFormattedMessage().contains(handle.id())), (lines) -> !lines.isEmpty())
			.get(0);
	}

	private static long retryInMillis(ILoggingEvent line) {
		Object[] arguments = line.getArgumentArray();
		return ((Number) arguments[6]).longValue();
	}

	private static IllegalStateException deepFailure(int depth) {
		try {
			recurse(depth);
			throw new AssertionError("unreachable");
		}
		catch (IllegalStateException ex) {
			return ex;
		}
	}

	private static void recurse(int depth) {
		if (depth == 0) {
			throw new IllegalStateException("w".repeat(2_000), new IOException("disk full"));
		}
		recurse(depth - 1);
	}

	private static TaskOptions options() {
		return TaskOptions.defaults().queue(QUEUE);
	}

	private void start() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).build());
	}

}
