/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A graceful stop lets running tasks finish within the shutdown timeout and records their
 * outcomes; tasks still running at the timeout are handed back at once, not left to their
 * leases.
 */
@QueueManagerTest
class GracefulShutdownTests {

	private static final String QUEUE = "shutdown";

	/** Long enough that only a hand-back can explain a quick second run. */
	private static final Duration LONG_LEASE = Duration.ofSeconds(60);

	private QueueManager manager;

	private QueueManager otherNode;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.workerId("leaving"));
		this.otherNode = managers.build((builder) -> builder.workerId("staying"));
	}

	@Test
	void tasksThatFinishWithinTheShutdownTimeoutAreCompletedWhenStopReturns() throws Exception {
		CountDownLatch started = new CountDownLatch(3);
		CountDownLatch release = new CountDownLatch(1);
		this.manager.register("work", (task) -> {
			started.countDown();
			release.await();
			return "finished " + task.payload(Integer.class);
		});
		WorkerPool pool = this.manager.startWorkers(options("leaving", 3, Duration.ofSeconds(10)));
		List<TaskHandle<Object>> handles = enqueue(3);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(pool::stop);
		await().atMost(Duration.ofSeconds(5)).until(() -> !pool.isRunning());
		assertThat(stopping).as("stop waits for the running tasks").isNotDone();
		release.countDown();
		stopping.get(10, TimeUnit.SECONDS);

		for (int i = 0; i < handles.size(); i++) {
			TaskInfo task = handles.get(i).info().orElseThrow();
			assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
			assertThat(task.attempts()).isEqualTo(1);
			assertThat(task.resultJson()).isEqualTo("\"finished " + i + "\"");
		}
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, 3, 0));
		assertThat(pool.runningTasks()).isZero();
	}

	@Test
	void tasksStillRunningAtTheTimeoutAreHandedBackAndRunAgainWithoutWaitingForTheirLeases() throws Exception {
		CountDownLatch started = new CountDownLatch(2);
		AtomicInteger interrupted = new AtomicInteger();
		this.manager.register("work", (task) -> {
			started.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.incrementAndGet();
				throw ex;
			}
			return "never";
		});
		WorkerPool pool = this.manager.startWorkers(options("leaving", 2, Duration.ofMillis(300)));
		List<TaskHandle<Object>> handles = enqueue(2);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		for (TaskHandle<Object> handle : handles) {
			assertThat(handle.info().orElseThrow()).satisfies((task) -> {
				assertThat(task.state()).isEqualTo(TaskState.ACTIVE);
				assertThat(task.attempts()).isEqualTo(1);
			});
		}

		long stopStarted = System.nanoTime();
		pool.stop();
		long stopMillis = (System.nanoTime() - stopStarted) / 1_000_000;

		assertThat(stopMillis).isBetween(300L - 5, 5_000L);
		for (TaskHandle<Object> handle : handles) {
			TaskInfo task = handle.info().orElseThrow();
			assertThat(task.state()).isEqualTo(TaskState.WAITING);
			assertThat(task.attempts()).as("the handed-back attempt does not count").isZero();
			assertThat(task.worker()).isNull();
			assertThat(task.startedAt()).isNull();
		}
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(2, 0, 0, 0, 0));
		await().atMost(Duration.ofSeconds(5)).until(() -> interrupted.get() == 2);

		List<String> ranOnOtherNode = new CopyOnWriteArrayList<>();
		this.otherNode.register("work", (task) -> {
			ranOnOtherNode.add(task.id() + "@" + task.attempt());
			return "took over";
		});
		long takeOverStarted = System.nanoTime();
		this.otherNode.startWorkers(options("staying", 2, Duration.ofSeconds(10)));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> handles.stream().allMatch((handle) -> handle.state().orElseThrow() == TaskState.COMPLETED));
		assertThat(Duration.ofNanos(System.nanoTime() - takeOverStarted)).isLessThan(LONG_LEASE.dividedBy(4));
		assertThat(ranOnOtherNode).containsExactlyInAnyOrder(handles.get(0).id() + "@1", handles.get(1).id() + "@1");
		for (TaskHandle<Object> handle : handles) {
			TaskInfo task = handle.info().orElseThrow();
			assertThat(task.attempts()).isEqualTo(1);
			assertThat(task.worker()).isEqualTo("staying/staying");
			assertThat(task.resultJson()).isEqualTo("\"took over\"");
			assertThat(task.lastError()).isNull();
		}
	}

	@Test
	void aTaskHandedBackAtShutdownIsLoggedAsHandedBackNotAsAFailedAttempt() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicReference<Thread> handlerThread = new AtomicReference<>();
		this.manager.register("work", (task) -> {
			handlerThread.set(Thread.currentThread());
			started.countDown();
			new CountDownLatch(1).await();
			return "never";
		});
		WorkerPool pool = this.manager.startWorkers(options("leaving", 1, Duration.ofMillis(200)));
		try (CapturedLogs logs = CapturedLogs.cleo()) {
			TaskHandle<Object> handle = enqueue(1).get(0);
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			pool.stop();
			// The interrupted handler's thread logs what it logs, then ends (the pool
			// shut its executor down).
			handlerThread.get().join(5_000);
			assertThat(handlerThread.get().isAlive()).isFalse();
			assertThat(handle.info().orElseThrow().state()).isEqualTo(TaskState.WAITING);
			assertThat(logs.lines()).extracting(ILoggingEvent::getFormattedMessage)
				.anySatisfy((line) -> assertThat(line)
					.isEqualTo("Worker pool 'leaving' stopping: waiting up to PT0.2S for 1 running tasks, "
							+ "then handing the rest back"))
				.anySatisfy((line) -> assertThat(line)
					.isEqualTo("Handed 1 running tasks on queue '" + QUEUE + "' back at shutdown"))
				.noneSatisfy((line) -> assertThat(line).contains("failed on attempt"));
			assertThat(logs.lines()).noneMatch((line) -> line.getLevel() == Level.WARN);
		}
	}

	@Test
	void handedBackTasksRunBeforeTasksThatWereWaitingBehindThem() throws Exception {
		CountDownLatch started = new CountDownLatch(2);
		this.manager.register("work", (task) -> {
			started.countDown();
			new CountDownLatch(1).await();
			return null;
		});
		WorkerPool pool = this.manager.startWorkers(options("leaving", 2, Duration.ZERO));
		List<TaskHandle<Object>> running = enqueue(2);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		List<TaskHandle<Object>> waiting = enqueue(2);
		pool.stop();
		assertThat(this.manager.counts(QUEUE).waiting()).isEqualTo(4);

		List<String> order = new CopyOnWriteArrayList<>();
		this.otherNode.register("work", (task) -> order.add(task.id()));
		this.otherNode.startWorkers(options("staying", 1, Duration.ofSeconds(10)));
		await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 4);
		assertThat(order.subList(0, 2)).containsExactlyInAnyOrder(running.get(0).id(), running.get(1).id());
		assertThat(order.subList(2, 4)).containsExactly(waiting.get(0).id(), waiting.get(1).id());
	}

	private List<TaskHandle<Object>> enqueue(int count) {
		List<TaskHandle<Object>> handles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			handles.add(this.manager.enqueue("work", i, TaskOptions.defaults().queue(QUEUE)));
		}
		return handles;
	}

	private static WorkerPoolOptions options(String name, int concurrency, Duration shutdownTimeout) {
		return WorkerPoolOptions.builder()
			.name(name)
			.queue(QUEUE)
			.concurrency(concurrency)
			.lease(LONG_LEASE)
			.reaperInterval(Duration.ofMillis(100))
			.shutdownTimeout(shutdownTimeout)
			.build();
	}

}
