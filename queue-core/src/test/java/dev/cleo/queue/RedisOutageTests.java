/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away: calls fail fast and clearly with {@link QueueUnavailableException},
 * worker pools ride the outage out, and once Redis is back (with the data it saved)
 * everything that was enqueued runs, once, and nothing that failed to enqueue does.
 */
@QueueManagerTest
class RedisOutageTests {

	private static final String QUEUE = "outage";

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.commandTimeout(Duration.ofSeconds(1)));
	}

	@AfterEach
	void tearDown(RedisServer redis) {
		if (!redis.isRunning()) {
			redis.restart();
		}
	}

	@Test
	void enqueueFailsFastWhileRedisIsDownAndWorkersResumeWithNothingLostWhenItIsBack(RedisServer redis)
			throws Exception {
		Map<String, Integer> runs = new ConcurrentHashMap<>();
		Map<String, Integer> completedEvents = new ConcurrentHashMap<>();
		this.manager.onTaskEvent((event) -> completedEvents.merge(event.taskId(), 1, Integer::sum),
				ObserverEvent.COMPLETED);
		CountDownLatch blockersStarted = new CountDownLatch(3);
		CountDownLatch releaseBlockers = new CountDownLatch(1);
		this.manager.register("blocker", (task) -> {
			blockersStarted.countDown();
			releaseBlockers.await();
			runs.merge(task.id(), 1, Integer::sum);
			return "blocker done";
		});
		this.manager.register("job", (task) -> {
			runs.merge(task.id(), 1, Integer::sum);
			return "job done";
		});
		WorkerPool pool = this.manager.startWorkers(WorkerPoolOptions.builder()
			.queue(QUEUE)
			.concurrency(3)
			// longer than the outage plus the client's reconnect back-off: no lease
			// expires meanwhile
			.lease(Duration.ofSeconds(30))
			.reaperInterval(Duration.ofMillis(200))
			.idleWait(Duration.ofSeconds(1))
			.build());
		List<String> enqueued = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			enqueued.add(this.manager.enqueue("blocker", i, TaskOptions.defaults().queue(QUEUE)).id());
		}
		assertThat(blockersStarted.await(10, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 4; i++) {
			enqueued.add(this.manager.enqueue("job", i, TaskOptions.defaults().queue(QUEUE)).id());
		}
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(4, 0, 3, 0, 0));

		redis.stop();
		// The running tasks finish while Redis is down: their outcomes must wait, not
		// vanish, and the pool's claims fail while its slots are free.
		releaseBlockers.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> pool.runningTasks() == 0);

		long started = System.nanoTime();
		QueueUnavailableException failure = catchThrowableOfType(
				() -> this.manager.enqueue("job", "during outage", TaskOptions.defaults().queue(QUEUE)),
				QueueUnavailableException.class);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(failure).as("enqueue while Redis is down").isNotNull();
		assertThat(failure).hasMessage("Could not enqueue tasks: Redis did not answer within 1000 ms");
		assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
		assertThat(catchThrowableOfType(() -> this.manager.counts(QUEUE), QueueUnavailableException.class))
			.hasMessage("Could not count tasks of queue 'outage': Redis did not answer within 1000 ms");
		assertThat(pool.isRunning()).isTrue();

		redis.restart();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptionsInstanceOf(QueueUnavailableException.class)
			.until(() -> this.manager.counts(QUEUE) != null);
		for (int i = 0; i < 2; i++) {
			enqueued.add(this.manager.enqueue("job", "after " + i, TaskOptions.defaults().queue(QUEUE)).id());
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> enqueued.stream()
				.allMatch((id) -> this.manager.task(QUEUE, id).orElseThrow().state() == TaskState.COMPLETED));
		assertThat(pool.isRunning()).isTrue();
		assertThat(runs).as("every enqueued task ran once, and nothing else ran")
			.containsOnlyKeys(enqueued)
			.allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
		for (String id : enqueued) {
			assertThat(this.manager.task(QUEUE, id).orElseThrow().attempts()).as("attempts of %s", id).isEqualTo(1);
		}
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, enqueued.size(), 0));
		assertThat(completedEvents).as("one COMPLETED event per task")
			.containsOnlyKeys(enqueued)
			.allSatisfy((id, events) -> assertThat(events).isEqualTo(1));
	}

	@Test
	void callsThatTimedOutWhileRedisWasDownAreNotRunWhenItComesBack(RedisServer redis) {
		String waiting = this.manager.enqueue("job", "before", TaskOptions.defaults().queue(QUEUE)).id();
		RedisConnector connector = RedisConnector.of(RedisClient.create(redis.uri()), true);
		try {
			RedisTaskStore store = new RedisTaskStore(connector, new RedisKeys("cleo"), Clock.systemUTC(),
					Duration.ofSeconds(1));
			redis.stop();
			assertThat(
					catchThrowableOfType(() -> this.manager.enqueue("job", "lost", TaskOptions.defaults().queue(QUEUE)),
							QueueUnavailableException.class))
				.isNotNull();
			assertThat(catchThrowableOfType(() -> store.claim(QUEUE, 10, Duration.ofMinutes(5), "gone"),
					QueueUnavailableException.class))
				.hasMessage("Could not claim tasks from queue 'outage': Redis did not answer within 1000 ms");

			redis.restart();
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptionsInstanceOf(QueueUnavailableException.class)
				.until(() -> store.counts(QUEUE) != null && this.manager.counts(QUEUE) != null);
			// one more round trip on each connection, after anything it might still have
			// sent
			assertThat(store.counts(QUEUE)).as("the failed claim leased nothing")
				.isEqualTo(new QueueCounts(1, 0, 0, 0, 0));
			assertThat(this.manager.counts(QUEUE)).as("the failed enqueue stored nothing")
				.isEqualTo(new QueueCounts(1, 0, 0, 0, 0));
			TaskInfo task = this.manager.task(QUEUE, waiting).orElseThrow();
			assertThat(task.state()).isEqualTo(TaskState.WAITING);
			assertThat(task.attempts()).isZero();
		}
		finally {
			connector.close();
		}
	}

}
