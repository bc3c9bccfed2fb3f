/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.QueueReadings;

/**
 * The {@code cleo} health contributor, when Spring Boot's health module is on the
 * classpath and {@code management.health.cleo.enabled} is not {@code false}. It reads the
 * queues through the {@link QueueReadings} that {@code CleoAutoConfiguration} defines,
 * which meters share.
 */
@AutoConfiguration(afterName = "dev.cleo.queue.autoconfigure.CleoAutoConfiguration",
		beforeName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ QueueManager.class, QueueReadings.class })
@ConditionalOnEnabledHealthIndicator("cleo")
@EnableConfigurationProperties(CleoHealthProperties.class)
public final class CleoHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "cleoHealthIndicator")
	CleoHealthIndicator cleoHealthIndicator(QueueManager manager, QueueReadings readings,
			CleoHealthProperties properties) {
		// The manager knows every pool it started, whoever started it; read them afresh
		// on each check.
		return new CleoHealthIndicator(readings, properties, () -> manager.workerPools().iterator(),
				manager::servedAsync);
	}

}
