/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code cleo.group.*} meters, read from the stats real task runs leave in Redis:
 * only the metered groups get them.
 */
class CleoGroupMetricsTests extends AbstractQueueManagerTests {

	private static final TaskOptions ON_Q = TaskOptions.defaults()
		.queue("q")
		.maxAttempts(2)
		.backoff(Backoff.fixed(Duration.ofMillis(10)));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private CleoGroupMetrics metrics;

	@BeforeEach
	void setUp() {
		this.manager.register("echo", (task) -> task.payload(String.class));
		this.manager.register("flaky", (task) -> {
			throw new IllegalStateException("attempt " + task.attempt() + " fails");
		});
		CleoMetricsProperties properties = new CleoMetricsProperties();
		// Read Redis on every look, so each assertion sees the latest stats.
		properties.setDepthCacheTtl(Duration.ZERO);
		this.metrics = new CleoGroupMetrics(this.manager, Map.of("q", List.of("vip")), properties,
				Duration.ofSeconds(2));
		this.metrics.bindTo(this.registry);
	}

	@AfterEach
	void tearDown() {
		this.metrics.close();
	}

	@Test
	void meteredGroupsGetCountsDurationsAndTasksByState() {
		this.manager.enqueue("echo", "a", ON_Q.group("vip"));
		this.manager.enqueue("echo", "b", ON_Q.group("vip"));
		this.manager.enqueue("flaky", "c", ON_Q.group("vip"));
		startWorkers();

		await().until(() -> functionCount(CleoMeters.GROUP_TASKS_FAILED, "dead") == 1);
		assertThat(this.registry.get(CleoMeters.GROUP_TASKS_COMPLETED)
			.tags("queue", "q", "group", "vip")
			.functionCounter()
			.count()).isEqualTo(2);
		assertThat(functionCount(CleoMeters.GROUP_TASKS_FAILED, "retried")).isOne();
		assertThat(this.registry.get(CleoMeters.GROUP_TASKS_DURATION).tags("group", "vip").functionTimer().count())
			.isEqualTo(4);
		assertThat(this.registry.get(CleoMeters.GROUP_TASKS_DURATION_P95).tags("group", "vip").timeGauge().value())
			.isNotNaN();
		assertThat(tasks("waiting")).isZero();
		assertThat(tasks("active")).isZero();
	}

	@Test
	void groupsNotNamedInConfigurationGetNoMeters() {
		this.manager.enqueue("echo", "a", ON_Q.group("other"));
		this.manager.enqueue("echo", "b", ON_Q.group("vip"));
		startWorkers();

		await().until(() -> this.manager.groups("q").group("other").stats().completed() == 1);
		assertThat(this.registry.getMeters())
			.allSatisfy((meter) -> assertThat(meter.getId().getTag("group")).isEqualTo("vip"));
		assertThat(this.registry.find(CleoMeters.GROUP_TASKS).tag("state", "waiting").gauges()).hasSize(1);
	}

	@Test
	void prometheusShowsTheGroupMetersWithOneSetOfTagKeysPerName() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.metrics.bindTo(prometheus);
		this.manager.enqueue("echo", "a", ON_Q.group("vip"));
		startWorkers();

		await().until(() -> this.manager.groups("q").group("vip").stats().completed() == 1);
		// A scrape never waits for Redis: it shows the last reading, starts the next.
		await().until(
				() -> prometheus.scrape().contains("cleo_group_tasks_completed_total{group=\"vip\",queue=\"q\"} 1.0"));
		assertThat(prometheus.scrape()).contains("cleo_group_tasks_completed_total{group=\"vip\",queue=\"q\"} 1.0")
			.contains("cleo_group_tasks_failed_total{group=\"vip\",outcome=\"dead\",queue=\"q\"} 0.0")
			.contains("cleo_group_tasks_duration_seconds_count{group=\"vip\",queue=\"q\"} 1")
			.contains("cleo_group_tasks_duration_p95_seconds{group=\"vip\",queue=\"q\"}")
			.contains("cleo_group_tasks{group=\"vip\",queue=\"q\",state=\"waiting\"} 0.0");
	}

	@Test
	void everyGroupMeterSaysItIsClusterWideAndToTakeTheMax() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.metrics.bindTo(prometheus);
		assertThat(prometheus.getMeters()).isNotEmpty()
			.allSatisfy((meter) -> assertThat(meter.getId().getDescription()).as(meter.getId().getName())
				.contains("cluster-wide")
				.contains("max across instances"));
	}

	private void startWorkers() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("q").concurrency(2).build());
	}

	private double functionCount(String name, String outcome) {
		return this.registry.get(name).tags("group", "vip", "outcome", outcome).functionCounter().count();
	}

	private double tasks(String state) {
		return this.registry.get(CleoMeters.GROUP_TASKS).tags("group", "vip", "state", state).gauge().value();
	}

}
