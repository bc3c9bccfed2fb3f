/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoProperties;
import dev.cleo.queue.autoconfigure.CleoSettings;
import dev.cleo.queue.autoconfigure.QueueReadings;

/**
 * Cleo's Micrometer meters, when Micrometer is on the classpath and a
 * {@link MeterRegistry} exists. Spring Boot's switches apply to them by name, as to its
 * own meters: {@code management.metrics.enable.cleo=false} turns them off, and
 * {@code management.metrics.distribution.*} (percentile histograms, off by default, SLOs,
 * expected values) shapes the timers, winning over Cleo's default range. Queue depths
 * come from the {@link QueueReadings} that {@code CleoAutoConfiguration} defines, shared
 * with the health check. The group meters need Cleo's settings, which name the metered
 * groups. A removed {@code cleo.metrics.*} switch fails the start, naming its
 * replacement.
 */
@AutoConfiguration(afterName = { "dev.cleo.queue.autoconfigure.CleoAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ QueueManager.class, QueueReadings.class, MeterRegistry.class })
@EnableConfigurationProperties(CleoMetricsProperties.class)
public final class CleoMetricsAutoConfiguration {

	CleoMetricsAutoConfiguration(Environment environment) {
		RemovedMetricsProperties.check(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	CleoTaskMetrics cleoTaskMetrics(QueueManager manager, QueueReadings readings, CleoMetricsProperties properties,
			ObjectProvider<CleoProperties> cleoProperties) {
		return new CleoTaskMetrics(manager, readings, properties, TaskTimerRange.of(cleoProperties.getIfAvailable()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(CleoSettings.class)
	CleoGroupMetrics cleoGroupMetrics(QueueManager manager, CleoSettings settings, CleoMetricsProperties properties,
			QueueReadings readings) {
		return new CleoGroupMetrics(manager, settings.meteredGroups(), properties, readings.deadline());
	}

}
