/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoAutoConfiguration;
import dev.cleo.queue.autoconfigure.QueueReadings;
import dev.cleo.queue.autoconfigure.actuate.QueueReadingsConfiguration;
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

	private ApplicationContextRunner withManager(RedisServer redis) {
		return this.runner.withBean(QueueManager.class, () -> QueueManager.builder().redisUri(redis.uri()).build())
			.withUserConfiguration(QueueReadingsConfiguration.class);
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
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CleoMetricsAutoConfiguration.class))
			.withBean(QueueManager.class, () -> QueueManager.builder().redisUri(redis.uri()).build())
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CleoTaskMetrics.class));
	}

	@Test
	void metricsAreAbsentWithoutARegistry(RedisServer redis) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CleoMetricsAutoConfiguration.class))
			.withBean(QueueManager.class, () -> QueueManager.builder().redisUri(redis.uri()).build())
			.run((context) -> assertThat(context).doesNotHaveBean(CleoTaskMetrics.class));
	}

	@Test
	void metricsAreAbsentWithoutAQueueManager() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(CleoTaskMetrics.class));
	}

	@Test
	void userRegistryIsUsed(RedisServer redis) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CleoMetricsAutoConfiguration.class))
			.withBean(QueueManager.class, () -> QueueManager.builder().redisUri(redis.uri()).build())
			.withUserConfiguration(QueueReadingsConfiguration.class)
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(CleoTaskMetrics.class));
	}

}
