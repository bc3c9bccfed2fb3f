/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.cleo.queue.QueueManager;

/**
 * The {@code queues} Actuator endpoint, when Actuator is on the classpath and the
 * endpoint is available (enabled and exposed).
 */
@AutoConfiguration(afterName = "dev.cleo.queue.autoconfigure.CleoAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(QueueManager.class)
@ConditionalOnAvailableEndpoint(QueuesEndpoint.class)
@EnableConfigurationProperties(CleoActuatorProperties.class)
public final class CleoEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueuesEndpoint queuesEndpoint(QueueManager manager, CleoActuatorProperties properties) {
		return new QueuesEndpoint(manager, properties);
	}

}
