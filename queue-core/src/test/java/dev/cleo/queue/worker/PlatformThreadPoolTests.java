/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform threads of a worker pool: named after the pool, daemon, with the class
 * loader of where the pool was built, and never more than the concurrency, even while
 * handlers block in ways a fork/join pool would otherwise make up for with more threads.
 */
class PlatformThreadPoolTests {

	private final ExecutorService threads = WorkerThreads.PLATFORM.newExecutor("blocking", 2);

	@AfterEach
	void tearDown() throws InterruptedException {
		this.threads.shutdownNow();
		assertThat(this.threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void threadsAreNamedAfterThePoolAreDaemonsAndUseTheBuildersClassLoader() throws Exception {
		CompletableFuture<Thread> ran = new CompletableFuture<>();
		this.threads.execute(() -> ran.complete(Thread.currentThread()));

		Thread thread = ran.get(5, TimeUnit.SECONDS);
		assertThat(thread.getName()).isEqualTo("cleo-blocking-1");
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread.getContextClassLoader()).isSameAs(Thread.currentThread().getContextClassLoader());
	}

	@Test
	void handlersBlockedOnAFutureGetNoExtraThreads() throws Exception {
		CompletableFuture<Void> release = new CompletableFuture<>();
		CountDownLatch blocked = new CountDownLatch(2);
		Set<String> names = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 2; i++) {
			this.threads.execute(() -> {
				names.add(Thread.currentThread().getName());
				blocked.countDown();
				release.join();
			});
		}
		assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
		AtomicBoolean thirdStarted = new AtomicBoolean();
		CountDownLatch thirdDone = new CountDownLatch(1);
		this.threads.execute(() -> {
			names.add(Thread.currentThread().getName());
			thirdStarted.set(true);
			thirdDone.countDown();
		});

		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilFalse(thirdStarted);
		release.complete(null);
		assertThat(thirdDone.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(names).hasSize(2)
			.allSatisfy((name) -> assertThat(name).isIn(List.of("cleo-blocking-1", "cleo-blocking-2")));
	}

}
