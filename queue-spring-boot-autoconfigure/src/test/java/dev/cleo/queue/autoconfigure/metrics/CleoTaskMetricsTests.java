/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.QueueReadings;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cleo's meters, fed by real task runs on a real Redis.
 */
class CleoTaskMetricsTests extends AbstractQueueManagerTests {

	private static final TaskOptions ON_Q = TaskOptions.defaults()
		.queue("q")
		.backoff(Backoff.fixed(Duration.ofMillis(10)));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private QueueReadings readings;

	private CleoTaskMetrics metrics;

	@BeforeEach
	void setUp() {
		this.manager.register("echo", (task) -> task.payload(String.class));
		this.manager.register("flaky", (task) -> {
			if (task.attempt() < task.maxAttempts()) {
				throw new IllegalStateException("attempt " + task.attempt() + " fails");
			}
			throw new IllegalStateException("and so does the last");
		});
		// Meters carry only the queues the application knows: here "q".
		this.readings = new QueueReadings(new ApplicationQueues(List.of("q")), this.manager::workerPools,
				this.manager::countsAsync, Duration.ofSeconds(2));
		this.metrics = new CleoTaskMetrics(this.manager, this.readings, new CleoMetricsProperties(),
				Duration.ofHours(1));
		this.metrics.bindTo(this.registry);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.metrics.close();
		this.readings.close();
	}

	@Test
	void completedTasksAreCountedAndTimed() {
		startWorkers();
		this.manager.enqueue("echo", "a", ON_Q);
		this.manager.enqueue("echo", "b", ON_Q);
		await().until(() -> count(CleoMeters.TASKS_COMPLETED) == 2);
		assertThat(count(CleoMeters.TASKS_ENQUEUED)).isEqualTo(2);
		assertThat(count(CleoMeters.TASKS_STARTED)).isEqualTo(2);
		assertThat(this.registry.get(CleoMeters.TASKS_DURATION)
			.tags("queue", "q", "task", "echo", "outcome", "completed")
			.timer()
			.count()).isEqualTo(2);
	}

	@Test
	void failuresAreCountedByOutcome() {
		startWorkers();
		this.manager.enqueue("flaky", "x", ON_Q.maxAttempts(2));
		await().until(() -> count(CleoMeters.TASKS_DEAD) == 1);
		assertThat(this.registry.get(CleoMeters.TASKS_FAILED)
			.tags("task", "flaky", "outcome", "retried")
			.counter()
			.count()).isOne();
		assertThat(
				this.registry.get(CleoMeters.TASKS_FAILED).tags("task", "flaky", "outcome", "dead").counter().count())
			.isOne();
		assertThat(count(CleoMeters.TASKS_RETRIED)).isOne();
		assertThat(this.registry.get(CleoMeters.TASKS_DURATION).tags("outcome", "failed").timer().count()).isEqualTo(2);
	}

	@Test
	void depthIsReadFromRedisByState() {
		this.manager.enqueue("echo", "a", ON_Q);
		this.manager.enqueue("echo", "b", ON_Q.delay(Duration.ofHours(1)));
		// A gauge never waits for Redis: it shows the last reading and sets off the next.
		await().until(() -> depth("waiting") == 1);
		assertThat(depth("delayed")).isEqualTo(1);
		assertThat(depth("dead")).isZero();
	}

	@Test
	void depthIsCachedBetweenScrapes() {
		this.manager.enqueue("echo", "a", ON_Q);
		await().until(() -> depth("waiting") == 1);
		this.manager.enqueue("echo", "b", ON_Q.priority(7));
		assertThat(depth("waiting")).isEqualTo(1);
	}

	@Test
	void activeWorkersCountRunningAttempts() throws Exception {
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		this.manager.register("hold", (task) -> {
			release.await();
			return null;
		});
		startWorkers();
		this.manager.enqueue("hold", "a", ON_Q);
		this.manager.enqueue("hold", "b", ON_Q);
		try {
			await().until(() -> active() == 2);
		}
		finally {
			release.countDown();
		}
		await().until(() -> active() == 0);
	}

	@Test
	void prometheusShowsCountersAndHistogramBuckets() {
		PrometheusMeterRegistry prometheus = boundPrometheusWithHistograms();
		startWorkers();
		this.manager.enqueue("echo", "a", ON_Q);
		await().until(() -> count(CleoMeters.TASKS_COMPLETED) == 1);
		assertThat(prometheus.scrape()).contains("cleo_tasks_completed_total{queue=\"q\",task=\"echo\"} 1.0")
			.contains("cleo_tasks_duration_seconds_bucket{")
			.contains("cleo_queue_depth{queue=\"q\",state=\"waiting\"}");
	}

	@Test
	void waitIsTimedFromDueToStart() {
		startWorkers();
		this.manager.enqueue("echo", "a", ON_Q);
		await().until(() -> count(CleoMeters.TASKS_COMPLETED) == 1);
		assertThat(this.registry.get(CleoMeters.TASKS_WAIT).tags("queue", "q", "task", "echo").timer().count()).isOne();
	}

	@Test
	void metersOfTheApplicationsQueuesExistBeforeAnyTask() {
		PrometheusMeterRegistry prometheus = boundPrometheus();
		assertThat(this.registry.find(CleoMeters.QUEUE_DEPTH).tag("queue", "q").gauges()).hasSize(4);
		assertThat(active()).isZero();
		assertThat(prometheus.scrape()).contains("cleo_tasks_enqueued_total{queue=\"q\",task=\"\"} 0.0")
			.contains("cleo_tasks_completed_total{queue=\"q\",task=\"\"} 0.0")
			.contains("cleo_tasks_started_total{queue=\"q\",task=\"\"} 0.0")
			.contains("cleo_tasks_failed_total{outcome=\"dead\",queue=\"q\",task=\"\"} 0.0")
			.contains("cleo_tasks_failed_total{outcome=\"retried\",queue=\"q\",task=\"\"} 0.0")
			.contains("cleo_tasks_retried_total{queue=\"q\",task=\"\"} 0.0")
			.contains("cleo_tasks_dead_total{queue=\"q\",task=\"\"} 0.0")
			.contains("cleo_workers_active{queue=\"q\"} 0.0")
			.contains("cleo_queue_depth{queue=\"q\",state=\"dead\"}");
	}

	@Test
	void queuesTheApplicationDoesNotKnowAreNeverATag() {
		this.manager.enqueue("echo", "a", ON_Q.queue("stranger"));
		this.manager.enqueue("echo", "b", ON_Q.queue("another-stranger"));
		await().until(() -> this.registry.find(CleoMeters.TASKS_ENQUEUED).tag("queue", "(other)").counter() != null);
		assertThat(
				this.registry.get(CleoMeters.TASKS_ENQUEUED).tags("queue", "(other)", "task", "echo").counter().count())
			.isEqualTo(2);
		assertThat(this.registry.getMeters()).extracting((meter) -> meter.getId().getTag("queue"))
			.containsOnly("q", "(other)");
	}

	@Test
	void everyMeterHasADescriptionThatSaysHowToAggregateIt() {
		PrometheusMeterRegistry prometheus = boundPrometheus();
		startWorkers();
		this.manager.enqueue("echo", "a", ON_Q);
		this.manager.enqueue("flaky", "x", ON_Q.maxAttempts(2));
		await().until(() -> count(CleoMeters.TASKS_DEAD) == 1 && count(CleoMeters.TASKS_COMPLETED) == 1);
		assertThat(prometheus.getMeters())
			.allSatisfy((meter) -> assertThat(meter.getId().getDescription()).as(meter.getId().getName())
				.containsAnyOf("sum across instances", "max across instances"));
		// Six counters, two gauges, two timers with a histogram and a maximum each.
		assertThat(prometheus.scrape().lines().filter((line) -> line.startsWith("# HELP cleo_"))).hasSize(12)
			.allSatisfy((help) -> assertThat(help).containsAnyOf("per instance", "cluster-wide"));
	}

	@Test
	void aFortySecondTaskLandsInAFiniteBucketAboveThirtySeconds() {
		PrometheusMeterRegistry prometheus = boundPrometheusWithHistograms();
		this.metrics.record(new TaskEvent(ObserverEvent.COMPLETED, "q", "t1", "report", 1, Instant.now(), null,
				Duration.ofSeconds(40)));
		// The smallest bucket that holds the sample: finite, above 30 s, below the range.
		double holding = prometheus.scrape()
			.lines()
			.filter((line) -> line.startsWith("cleo_tasks_duration_seconds_bucket{") && line.endsWith(" 1"))
			.map((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
			.mapToDouble((le) -> le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le))
			.min()
			.orElseThrow();
		assertThat(holding).isGreaterThan(40).isLessThan(60);
	}

	@Test
	void scrapesDoNotWaitForRedisAndShowTheLastDepths(RedisServer redis) {
		PrometheusMeterRegistry prometheus = boundPrometheus();
		this.manager.enqueue("echo", "a", ON_Q);
		await().until(() -> depth("waiting") == 1);
		try (RedisClient client = RedisClient.create(redis.uri());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().clientPause(3_000);
			for (int i = 0; i < 10; i++) {
				long start = System.nanoTime();
				assertThat(prometheus.scrape()).contains("cleo_queue_depth{queue=\"q\",state=\"waiting\"} 1.0");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
			}
		}
	}

	@Test
	void depthsTurnNaNOnceRedisHasNotAnsweredForTheMaxAgeAndComeBack(RedisServer redis) throws Exception {
		CleoMetricsProperties properties = new CleoMetricsProperties();
		properties.setDepthCacheTtl(Duration.ofMillis(100));
		properties.setDepthMaxAge(Duration.ofMillis(500));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (QueueReadings readings = new QueueReadings(new ApplicationQueues(List.of("q")), List::of,
				this.manager::countsAsync, Duration.ofMillis(200));
				CleoTaskMetrics metrics = new CleoTaskMetrics(this.manager, readings, properties,
						Duration.ofHours(1))) {
			metrics.bindTo(registry);
			Gauge waiting = registry.get(CleoMeters.QUEUE_DEPTH).tags("queue", "q", "state", "waiting").gauge();
			this.manager.enqueue("echo", "a", ON_Q);
			await().until(() -> waiting.value() == 1);
			try (RedisClient client = RedisClient.create(redis.uri());
					StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().clientPause(3_000);
				await().atMost(Duration.ofSeconds(2)).until(() -> Double.isNaN(waiting.value()));
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> waiting.value() == 1);
		}
	}

	@Test
	void eachGaugeIsRegisteredOnceWhenATaskEventComesWhileBinding() throws Exception {
		AtomicReference<CleoTaskMetrics> binding = new AtomicReference<>();
		// A worker's event on an application queue arrives while the metrics are bound
		// (here: while the binding reads the local pools).
		Supplier<List<WorkerPool>> pools = () -> {
			CleoTaskMetrics metrics = binding.getAndSet(null);
			if (metrics != null) {
				metrics.record(
						new TaskEvent(ObserverEvent.STARTED, "q", "t1", "echo", 1, Instant.now(), null, Duration.ZERO));
			}
			return List.of();
		};
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (DoubleRegistrations doubles = DoubleRegistrations.watch();
				QueueReadings readings = new QueueReadings(new ApplicationQueues(List.of("q")), pools,
						this.manager::countsAsync, Duration.ofSeconds(2));
				CleoTaskMetrics metrics = new CleoTaskMetrics(this.manager, readings, new CleoMetricsProperties(),
						Duration.ofHours(1))) {
			binding.set(metrics);
			metrics.bindTo(registry);
			assertThat(binding).hasNullValue();
			assertThat(doubles.messages()).isEmpty();
			assertThat(registry.find(CleoMeters.QUEUE_DEPTH).gauges()).hasSize(4);
			assertThat(registry.find(CleoMeters.WORKERS_ACTIVE).gauges()).hasSize(1);
		}
	}

	@Test
	void timersPublishNoHistogramUnlessTurnedOn() {
		PrometheusMeterRegistry prometheus = boundPrometheus();
		this.metrics.record(new TaskEvent(ObserverEvent.COMPLETED, "q", "t1", "report", 1, Instant.now(), null,
				Duration.ofSeconds(1)));
		assertThat(prometheus.scrape()).contains("cleo_tasks_duration_seconds_count{")
			.doesNotContain("cleo_tasks_duration_seconds_bucket{");
	}

	/** A Prometheus registry the metrics are bound to, besides the simple one. */
	private PrometheusMeterRegistry boundPrometheus() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.metrics.bindTo(prometheus);
		return prometheus;
	}

	/**
	 * A Prometheus registry with the task timers' histograms on, as Spring Boot's
	 * management.metrics.distribution.percentiles-histogram.cleo.tasks=true does it.
	 */
	private PrometheusMeterRegistry boundPrometheusWithHistograms() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		prometheus.config().meterFilter(new MeterFilter() {

			@Override
			public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
				return id.getName().startsWith("cleo.tasks.")
						? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
						: config;
			}

		});
		this.metrics.bindTo(prometheus);
		return prometheus;
	}

	private void startWorkers() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("q").concurrency(2).build());
	}

	private double count(String name) {
		return this.registry.find(name).counters().stream().mapToDouble((counter) -> counter.count()).sum();
	}

	private double depth(String state) {
		return this.registry.get(CleoMeters.QUEUE_DEPTH).tags("queue", "q", "state", state).gauge().value();
	}

	private double active() {
		return this.registry.get(CleoMeters.WORKERS_ACTIVE).tags("queue", "q").gauge().value();
	}

}
