/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.fuzz;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskPriority;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.sample.app.AbstractSampleHttpTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Throws {@value #REQUESTS} generated requests (see {@link FuzzTargets}) at every HTTP
 * endpoint of the sample: the Actuator {@code queues} endpoint and the rest of Actuator,
 * the sample's {@code /orders} and {@code /reports}, and Cleo's HTTP API, from
 * {@value #CALLERS} callers at once. No answer may be a 5xx or take more than 2 s; then
 * health must be UP, a normal task of each kind must complete, and every worker pool must
 * still run as many tasks at once as its concurrency. Each run draws a new seed, printed
 * on failure; {@code -Dfuzz.seed=N} replays a run and {@code -Dfuzz.requests=N} changes
 * its length.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		// The fuzz ends many tasks dead on purpose; health judges Redis and the pools
		// here, not the dead letters.
		"cleo.health.dead-letter-threshold=100000000",
		// Thousands of refused requests and failed tasks log at INFO and WARN.
		"logging.level.dev.cleo=ERROR", "logging.level.org.springframework.web=ERROR",
		"logging.level.org.apache.coyote=ERROR", "logging.level.org.apache.tomcat=ERROR" })
class SampleFuzzTests extends AbstractSampleHttpTests {

	static final int REQUESTS = 10_000;

	private static final int CALLERS = 4;

	private static final long SLOW_MILLIS = 2_000;

	@Autowired
	private QueueManager manager;

	@Test
	void noRequestGetsA5xxOrTakesOverTwoSecondsAndTheApplicationWorksAfterwards() throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		int requests = Integer.getInteger("fuzz.requests", REQUESTS);
		Queue<String> failures = new ConcurrentLinkedQueue<>();
		Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
		long started = System.nanoTime();
		run(seed, requests, failures, statuses);
		String report = "seed " + seed + " (-Dfuzz.seed=" + seed + "), " + requests + " requests in "
				+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s; statuses by endpoint "
				+ new TreeMap<>(statuses);
		System.out.println("Fuzz: " + report);
		assertThat(failures).as("Fuzz %s; failures", report).isEmpty();
		assertTheApplicationStillWorks();
	}

	private void run(long seed, int requests, Queue<String> failures, Map<String, Map<Integer, AtomicInteger>> statuses)
			throws InterruptedException {
		RawHttp http = new RawHttp(this.port);
		AtomicInteger next = new AtomicInteger();
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		for (int i = 0; i < CALLERS; i++) {
			callers.execute(() -> {
				for (int index = next.getAndIncrement(); index < requests; index = next.getAndIncrement()) {
					send(http, seed, index, failures, statuses);
				}
			});
		}
		callers.shutdown();
		assertThat(callers.awaitTermination(5, TimeUnit.MINUTES)).as("the callers finished").isTrue();
	}

	private static void send(RawHttp http, long seed, int index, Queue<String> failures,
			Map<String, Map<Integer, AtomicInteger>> statuses) {
		FuzzRequest request = FuzzTargets.request(seed, index);
		try {
			RawHttp.Answer answer = http.send(request);
			statuses.computeIfAbsent(request.endpoint(), (key) -> new ConcurrentHashMap<>())
				.computeIfAbsent(answer.status(), (key) -> new AtomicInteger())
				.incrementAndGet();
			if (answer.millis() > 500) {
				System.out.println("Fuzz: slow #" + index + " " + answer.millis() + " ms " + answer.status() + " "
						+ request.describe().substring(0, Math.min(200, request.describe().length())));
			}
			if (answer.status() >= 500 || answer.status() <= 0 || answer.millis() > SLOW_MILLIS) {
				failures.add("#" + index + " " + request.endpoint() + ": " + answer.status() + " in " + answer.millis()
						+ " ms for " + request.describe());
			}
		}
		catch (IOException | RuntimeException ex) {
			failures.add("#" + index + " " + request.endpoint() + ": " + ex + " for " + request.describe());
		}
	}

	private void assertTheApplicationStillWorks() throws InterruptedException {
		// The fuzz's admin calls may have paused queues, as an operator may.
		FuzzTargets.QUEUES.forEach(this.manager::resume);
		FuzzClient client = new FuzzClient(this.port);
		JsonNode health = client.get("/actuator/health");
		assertThat(health.get("status").asString()).as("health after the fuzz: %s", health).isEqualTo("UP");
		client.awaitCompleted(client.postJob(
				Map.of("type", "send-email", "payload", Map.of("to", "a@example.com", "subject", "s", "body", "b"))));
		client.awaitCompleted(
				client.postJob(Map.of("type", "simulate-work", "payload", Map.of("millis", 1, "failTimes", 0))));
		everyPoolRunsAsManyTasksAtOnceAsItsConcurrency();
	}

	/** A pool that lost a thread would start fewer than its concurrency at once. */
	private void everyPoolRunsAsManyTasksAtOnceAsItsConcurrency() throws InterruptedException {
		List<CountDownLatch> releases = new ArrayList<>();
		for (WorkerPool pool : this.manager.workerPools()) {
			assertThat(pool.isRunning()).as("pool %s runs", pool.options().name()).isTrue();
			int concurrency = pool.options().concurrency();
			CountDownLatch started = new CountDownLatch(concurrency);
			CountDownLatch release = new CountDownLatch(1);
			releases.add(release);
			String task = "fuzz-hold-" + pool.options().name();
			this.manager.register(task, (context) -> {
				started.countDown();
				return release.await(30, TimeUnit.SECONDS);
			});
			String queue = pool.options().queues().keySet().iterator().next();
			for (int i = 0; i < concurrency; i++) {
				this.manager.enqueue(task, i, TaskOptions.defaults().queue(queue).priority(TaskPriority.HIGH));
			}
			await().atMost(Duration.ofSeconds(30))
				.alias("pool " + pool.options().name() + " runs " + concurrency + " tasks at once")
				.until(() -> started.getCount() == 0);
		}
		releases.forEach(CountDownLatch::countDown);
	}

}
