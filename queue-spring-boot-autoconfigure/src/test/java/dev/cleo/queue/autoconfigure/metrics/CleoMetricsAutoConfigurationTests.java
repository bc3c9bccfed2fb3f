/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoAutoConfiguration;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.autoconfigure.QueueReadings;
import dev.cleo.queue.autoconfigure.actuate.QueueReadingsConfiguration;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * When Cleo's meters are configured, and when they back off.
 */
@RedisTest
class CleoMetricsAutoConfigurationTests {

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
			assertThat(properties.isPercentileHistogram()).isTrue();
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
		withCleo(redis).withPropertyValues("cleo.defaults.timeout=1m", "cleo.queues.reports.timeout=10m")
			.run((context) -> {
				recordDuration(context, Duration.ofMinutes(15));
				assertThat(topFiniteBucket(context)).isEqualTo("1200.0");
				assertThat(bucketHolding(context)).isGreaterThan(900).isLessThan(1200);
			});
	}

	@Test
	void springBootsDistributionPropertiesWinOverCleosDefaults(RedisServer redis) {
		withCleo(redis)
			.withPropertyValues("cleo.queues.reports.timeout=10m",
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
	void metricsAreAbsentWhenDisabled(RedisServer redis) {
		withManager(redis).withPropertyValues("cleo.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CleoTaskMetrics.class));
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
