/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.JacksonTaskSerializer;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.event.TaskEventBus;
import dev.cleo.queue.redis.ClaimedTask;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MDC a worker thread has around one attempt: the task's values while the handler
 * runs, whether it returns or throws, and afterwards exactly what the thread had before,
 * on the threads the pool really uses (virtual ones on Java 21+).
 */
class TaskMdcTests {

	private static final ClaimedTask TASK = new ClaimedTask("mails", "id-1", "token", "send", "\"x\"", 2, 3, 0,
			Backoff.fixed(Duration.ofSeconds(1)).encode(), 0);

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void theHandlerSeesTheTaskAndTheThreadGetsBackWhatItHad() {
		MDC.put("request", "r-7");
		MDC.put(TaskMdc.QUEUE, "outer");
		AtomicReference<Map<String, String>> seen = new AtomicReference<>();
		run((context) -> {
			seen.set(MDC.getCopyOfContextMap());
			return null;
		});
		assertThat(seen.get()).isEqualTo(Map.of("request", "r-7", TaskMdc.TASK_ID, "id-1", TaskMdc.TASK_NAME, "send",
				TaskMdc.QUEUE, "mails", TaskMdc.ATTEMPT, "2"));
		assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("request", "r-7", TaskMdc.QUEUE, "outer"));
	}

	@Test
	void aThrowingHandlerLeavesNothingBehind() {
		run((context) -> {
			throw new IllegalStateException("boom");
		});
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void thePoolsOwnThreadsStartAndEndEachAttemptClean() throws Exception {
		ExecutorService threads = WorkerThreads.AUTO.newExecutor("mdc", 1);
		try {
			CompletableFuture<Map<String, String>> during = new CompletableFuture<>();
			CompletableFuture<Map<String, String>> after = new CompletableFuture<>();
			threads.execute(() -> {
				run((context) -> during.complete(MDC.getCopyOfContextMap()));
				after.complete(MDC.getCopyOfContextMap());
			});
			assertThat(during).succeedsWithin(Duration.ofSeconds(5))
				.satisfies((mdc) -> assertThat(mdc).containsEntry(TaskMdc.TASK_ID, "id-1")
					.containsEntry(TaskMdc.ATTEMPT, "2"));
			assertThat(after).succeedsWithin(Duration.ofSeconds(5)).satisfies((mdc) -> assertThat(mdc).isNullOrEmpty());
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void run(TaskHandler handler) {
		WorkerServices services = new WorkerServices(null, null, null, (name) -> handler, new JacksonTaskSerializer(),
				new TaskEventBus(), Clock.systemUTC(), null, null, 100, "node/mails", Duration.ofSeconds(1));
		new TaskRunner(services, null, (running, attempt) -> {
		}, new UnknownTaskNames(Duration.ofMinutes(10), "mails")).run(new RunningTask(TASK));
	}

}
