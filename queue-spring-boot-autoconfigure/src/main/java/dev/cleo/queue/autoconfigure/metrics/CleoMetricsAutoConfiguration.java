/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.cleo.queue.QueueManager;

/**
 * Cleo's Micrometer meters, when Micrometer is on the classpath and a
 * {@link MeterRegistry} exists; {@code cleo.metrics.enabled=false} turns them off.
 */
@AutoConfiguration(afterName = { "dev.cleo.queue.autoconfigure.CleoAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ QueueManager.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = "cleo.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CleoMetricsProperties.class)
public final class CleoMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CleoTaskMetrics cleoTaskMetrics(QueueManager manager, CleoMetricsProperties properties) {
		return new CleoTaskMetrics(manager, properties);
	}

}
