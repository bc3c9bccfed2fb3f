/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.CleoAutoConfiguration;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.autoconfigure.QueueReadings;
import dev.cleo.queue.autoconfigure.actuate.QueueReadingsConfiguration;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * When Cleo's meters are configured, and when they back off.
 */
@RedisTest
class CleoMetricsAutoConfigurationTests {

	private static final String HISTOGRAMS_ON = "management.metrics.distribution.percentiles-histogram.cleo.tasks=true";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CleoMetricsAutoConfiguration.class));

	/** Cleo as an application has it, with Prometheus and Spring Boot's meter filter. */
	private ApplicationContextRunner withCleo(RedisServer redis) {
		return this.runner
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CleoAutoConfiguration.class,
					PrometheusMetricsExportAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + redis.uri(), "cleo.worker.enabled=false");
	}

	private static void recordDuration(ApplicationContext context, Duration duration) {
		context.getBean(CleoTaskMetrics.class)
			.record(new TaskEvent(ObserverEvent.COMPLETED, "reports", "t1", "digest", 1, Instant.now(), null,
					duration));
	}

	private static String scrape(ApplicationContext context) {
		return context.getBean(PrometheusMeterRegistry.class).scrape();
	}

	private static String topFiniteBucket(ApplicationContext context) {
		return buckets(context).filter((le) -> !le.equals("+Inf")).reduce((first, second) -> second).orElseThrow();
	}

	/** The smallest bucket the one recorded duration falls in. */
	private static double bucketHolding(ApplicationContext context) {
		return buckets(context, " 1").mapToDouble(Double::parseDouble).min().orElseThrow();
	}

	private static Stream<String> buckets(ApplicationContext context) {
		return buckets(context, "");
	}

	private static Stream<String> buckets(ApplicationContext context, String ending) {
		return scrape(context).lines()
			.filter((line) -> line.startsWith("cleo_tasks_duration_seconds_bucket{") && line.endsWith(ending))
			.map((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
			.filter((le) -> !le.equals("+Inf") || ending.isEmpty());
	}

	private ApplicationContextRunner withManager(RedisServer redis) {
		return this.runner.withBean(QueueManager.class, CleoRunners.manager(redis))
			.withUserConfiguration(QueueReadingsConfiguration.class);
	}

	/**
	 * Cleo's metrics auto-configuration and a manager, without Spring Boot's metrics
	 * auto-configuration.
	 */
	private static ApplicationContextRunner withoutMicrometerAutoConfiguration(RedisServer redis) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CleoMetricsAutoConfiguration.class))
			.withBean(QueueManager.class, CleoRunners.manager(redis));
	}

	@Test
	void metricsAreBoundWithDefaults(RedisServer redis) {
		withManager(redis).run((context) -> {
			assertThat(context).hasSingleBean(CleoTaskMetrics.class);
			CleoMetricsProperties properties = context.getBean(CleoMetricsProperties.class);
			assertThat(properties.getDepthCacheTtl()).hasSeconds(5);
		});
	}

	@Test
	void groupMetersFollowTheMeteredGroupsProperty(RedisServer redis) {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CleoAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + redis.uri(), "cleo.worker.enabled=false",
					"cleo.queues.orders.groups.metered-groups=vip,acme,vip")
			.run((context) -> {
				assertThat(context).hasSingleBean(CleoGroupMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find(CleoMeters.GROUP_TASKS_COMPLETED).functionCounters())
					.extracting((counter) -> counter.getId().getTag(CleoMeters.TAG_GROUP))
					.containsExactlyInAnyOrder("vip", "acme");
			});
	}

	@Test
	void timerBucketsReachTwiceTheLongestConfiguredTimeout(RedisServer redis) {
		withCleo(redis).withPropertyValues("cleo.defaults.timeout=1m", "cleo.queues.reports.timeout=10m", HISTOGRAMS_ON)
			.run((context) -> {
				recordDuration(context, Duration.ofMinutes(15));
				assertThat(topFiniteBucket(context)).isEqualTo("1200.0");
				assertThat(bucketHolding(context)).isGreaterThan(900).isLessThan(1200);
			});
	}

	@Test
	void springBootsDistributionPropertiesWinOverCleosDefaults(RedisServer redis) {
		withCleo(redis)
			.withPropertyValues("cleo.queues.reports.timeout=10m", HISTOGRAMS_ON,
					"management.metrics.distribution.maximum-expected-value.cleo.tasks=5m",
					"management.metrics.distribution.slo.cleo.tasks.duration=45s,2m")
			.run((context) -> {
				recordDuration(context, Duration.ofSeconds(40));
				assertThat(topFiniteBucket(context)).isEqualTo("300.0");
				assertThat(scrape(context)).contains("le=\"45.0\"").contains("le=\"120.0\"");
				assertThat(bucketHolding(context)).isEqualTo(40.086361428);
			});
	}

	@Test
	void groupMetersNeedCleoSettings(RedisServer redis) {
		withManager(redis).run((context) -> assertThat(context).hasSingleBean(CleoTaskMetrics.class)
			.doesNotHaveBean(CleoGroupMetrics.class));
	}

	@Test
	void metricsBackOffWhenTheUserDefinesThem(RedisServer redis) {
		CleoTaskMetrics own = new CleoTaskMetrics(mock(QueueManager.class), mock(QueueReadings.class),
				new CleoMetricsProperties(), Duration.ofHours(1));
		withManager(redis).withBean("myMetrics", CleoTaskMetrics.class, () -> own)
			.run((context) -> assertThat(context).getBean(CleoTaskMetrics.class).isSameAs(own));
	}

	@Test
	void histogramsAreOffByDefault(RedisServer redis) {
		withCleo(redis).run((context) -> {
			recordDuration(context, Duration.ofSeconds(3));
			assertThat(scrape(context)).contains("cleo_tasks_duration_seconds_count{")
				.doesNotContain("cleo_tasks_duration_seconds_bucket{");
		});
	}

	@Test
	void springBootsEnableSwitchTurnsCleosMetersOff(RedisServer redis) {
		withCleo(redis).withPropertyValues("management.metrics.enable.cleo=false").run((context) -> {
			recordDuration(context, Duration.ofSeconds(3));
			assertThat(context.getBean(MeterRegistry.class).getMeters())
				.noneMatch((meter) -> meter.getId().getName().startsWith("cleo."));
			assertThat(scrape(context)).doesNotContain("cleo_");
		});
	}

	@Test
	void theRemovedEnabledSwitchFailsTheStartNamingSpringBootsSwitch(RedisServer redis) {
		withManager(redis).withPropertyValues("cleo.metrics.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("cleo.metrics.enabled")
				.hasMessageContaining("management.metrics.enable.cleo=false"));
	}

	@Test
	void theRemovedHistogramSwitchFailsTheStartNamingSpringBootsProperty(RedisServer redis) {
		withManager(redis).withPropertyValues("cleo.metrics.percentile-histogram=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("cleo.metrics.percentile-histogram")
				.hasMessageContaining("management.metrics.distribution.percentiles-histogram.cleo.tasks=true"));
	}

	@Test
	void eachGaugeIsRegisteredOnceWhenRedisAlreadyHoldsQueues(RedisServer redis) {
		try (QueueManager manager = CleoRunners.manager(redis).get()) {
			for (String queue : List.of("alpha", "beta", "gamma")) {
				manager.enqueue("work", queue, TaskOptions.defaults().queue(queue));
			}
		}
		try (DoubleRegistrations doubles = DoubleRegistrations.watch()) {
			withCleo(redis).withPropertyValues("cleo.worker.enabled=true", "cleo.queues.alpha.concurrency=1")
				.withPropertyValues("cleo.queues.beta.concurrency=1", "cleo.queues.gamma.concurrency=1")
				.withBean("work", TaskHandler.class, () -> (task) -> null)
				.run((context) -> {
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					await().until(() -> registry.find(CleoMeters.TASKS_COMPLETED)
						.counters()
						.stream()
						.mapToDouble(Counter::count)
						.sum() == 3);
					List<Meter.Id> gauges = registry.getMeters()
						.stream()
						.filter((meter) -> meter instanceof Gauge)
						.map(Meter::getId)
						.filter((id) -> id.getName().startsWith("cleo."))
						.toList();
					assertThat(gauges).doesNotHaveDuplicates()
						.filteredOn((id) -> id.getName().equals(CleoMeters.WORKERS_ACTIVE))
						.extracting((id) -> id.getTag(CleoMeters.TAG_QUEUE))
						.containsExactlyInAnyOrder("alpha", "beta", "gamma", "default");
					assertThat(registry.find(CleoMeters.QUEUE_DEPTH).tag(CleoMeters.TAG_QUEUE, "alpha").gauges())
						.hasSize(4);
				});
			assertThat(doubles.messages()).isEmpty();
		}
	}

	@Test
	void everyCleoMeterHasADescription(RedisServer redis) {
		withCleo(redis).withPropertyValues("cleo.queues.orders.groups.metered-groups=vip", HISTOGRAMS_ON)
			.run((context) -> {
				recordDuration(context, Duration.ofSeconds(3));
				List<Meter> meters = context.getBean(MeterRegistry.class)
					.getMeters()
					.stream()
					.filter((meter) -> meter.getId().getName().startsWith("cleo."))
					.toList();
				assertThat(meters).extracting((meter) -> meter.getId().getName())
					.contains(CleoMeters.TASKS_DURATION, CleoMeters.QUEUE_DEPTH, CleoMeters.GROUP_TASKS_DURATION_P95);
				assertThat(meters).allSatisfy(
						(meter) -> assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank());
				assertThat(scrape(context).lines().filter((line) -> line.startsWith("# TYPE cleo_")).count())
					.isEqualTo(scrape(context).lines().filter((line) -> line.startsWith("# HELP cleo_")).count());
			});
	}

	@Test
	void everyRunAScheduleFiresCountsAsEnqueued(RedisServer redis) {
		withCleo(redis).withPropertyValues("cleo.worker.enabled=true", "cleo.queues.ticks.concurrency=1")
			.withBean("tick", TaskHandler.class, () -> (task) -> null)
			.run((context) -> {
				QueueManager manager = context.getBean(QueueManager.class);
				manager.schedules()
					.register(Schedule.fixedRate("often", Duration.ofMillis(200))
						.task("tick", null)
						.options(TaskOptions.defaults().queue("ticks")));
				await().until(() -> manager.schedules().find("ticks", "often").orElseThrow().fired() >= 3);
				manager.schedules().pause("ticks", "often");
				Counter enqueued = context.getBean(MeterRegistry.class)
					.get(CleoMeters.TASKS_ENQUEUED)
					.tags(CleoMeters.TAG_QUEUE, "ticks", CleoMeters.TAG_TASK, "tick")
					.counter();
				await()
					.until(() -> enqueued.count() == manager.schedules().find("ticks", "often").orElseThrow().fired());
			});
	}

	@Test
	void metricsAreAbsentWithoutMicrometer(RedisServer redis) {
		withoutMicrometerAutoConfiguration(redis).withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CleoTaskMetrics.class));
	}

	@Test
	void metricsAreAbsentWithoutARegistry(RedisServer redis) {
		withoutMicrometerAutoConfiguration(redis)
			.run((context) -> assertThat(context).doesNotHaveBean(CleoTaskMetrics.class));
	}

	@Test
	void metricsAreAbsentWithoutAQueueManager() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(CleoTaskMetrics.class));
	}

	@Test
	void userRegistryIsUsed(RedisServer redis) {
		withoutMicrometerAutoConfiguration(redis).withUserConfiguration(QueueReadingsConfiguration.class)
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(CleoTaskMetrics.class));
	}

}
