/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoProperties;
import dev.cleo.queue.autoconfigure.CleoSettings;
import dev.cleo.queue.autoconfigure.QueueReadings;

/**
 * Cleo's Micrometer meters, when Micrometer is on the classpath and a
 * {@link MeterRegistry} exists; {@code cleo.metrics.enabled=false} turns them off. Queue
 * depths come from the {@link QueueReadings} that {@code CleoAutoConfiguration} defines,
 * shared with the health check. The group meters need Cleo's settings, which name the
 * metered groups. Spring Boot's {@code management.metrics.distribution.*} properties
 * apply to Cleo's timers by name and win over Cleo's defaults.
 */
@AutoConfiguration(afterName = { "dev.cleo.queue.autoconfigure.CleoAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ QueueManager.class, QueueReadings.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = "cleo.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CleoMetricsProperties.class)
public final class CleoMetricsAutoConfiguration {

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
