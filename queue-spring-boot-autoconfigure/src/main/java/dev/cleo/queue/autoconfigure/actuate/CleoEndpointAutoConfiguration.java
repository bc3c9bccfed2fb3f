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
import org.springframework.context.annotation.Bean;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;

/**
 * The {@code queues} Actuator endpoint, when Actuator is on the classpath and the
 * endpoint is available (enabled and exposed). Its writes follow the one switch of every
 * write, {@code cleo.write-operations.enabled}, through {@link WriteAccess}.
 */
@AutoConfiguration(afterName = "dev.cleo.queue.autoconfigure.CleoAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(QueueManager.class)
@ConditionalOnAvailableEndpoint(QueuesEndpoint.class)
public final class CleoEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueuesEndpoint queuesEndpoint(QueueManager manager, ApplicationQueues application, RedisReads reads,
			WriteAccess writes) {
		return new QueuesEndpoint(manager, application, reads, writes);
	}

}
