/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.TaskOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Handlers run on virtual threads where the JVM has them (this class also runs on a Java
 * 21+ JDK in the build) and on the pool's platform threads otherwise, or when asked.
 */
@QueueManagerTest
class HandlerThreadsTests {

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
	}

	@Test
	void autoRunsHandlersOnVirtualThreadsExactlyWhenTheJvmHasThem() throws Exception {
		Thread thread = handlerThread(WorkerThreads.AUTO);
		assertThat(isVirtual(thread)).isEqualTo(Runtime.version().feature() >= 21);
	}

	@Test
	void platformRunsHandlersOnNamedPoolThreads() throws Exception {
		Thread thread = handlerThread(WorkerThreads.PLATFORM);
		assertThat(isVirtual(thread)).isFalse();
		assertThat(thread.getName()).startsWith("cleo-platform-");
	}

	@Test
	void virtualFailsAtStartWithAClearMessageBeforeJava21() throws Exception {
		if (WorkerThreads.virtualThreadsAvailable()) {
			assertThat(isVirtual(handlerThread(WorkerThreads.VIRTUAL))).isTrue();
			return;
		}
		assertThatIllegalStateException().isThrownBy(() -> handlerThread(WorkerThreads.VIRTUAL))
			.withMessageContaining("use Java 21 or later, or threads PLATFORM");
	}

	private Thread handlerThread(WorkerThreads threads) throws Exception {
		String name = threads.name().toLowerCase();
		CompletableFuture<Thread> ran = new CompletableFuture<>();
		this.manager.register("where-" + name, (task) -> ran.complete(Thread.currentThread()));
		this.manager.startWorkers(WorkerPoolOptions.builder().name(name).queue(name).threads(threads).build());
		this.manager.enqueue("where-" + name, null, TaskOptions.defaults().queue(name));
		return ran.get(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		if (Runtime.version().feature() < 21) {
			return false;
		}
		Method isVirtual = Thread.class.getMethod("isVirtual");
		return (boolean) isVirtual.invoke(thread);
	}

}
