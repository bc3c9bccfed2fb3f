/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.QueueReadings;

/**
 * The {@link QueueReadings} bean as {@code CleoAutoConfiguration} defines it, for tests
 * of the health and metrics auto-configurations that bring their own {@link QueueManager}
 * and leave the rest of Cleo's configuration out.
 */
@Configuration(proxyBeanMethods = false)
public class QueueReadingsConfiguration {

	@Bean(destroyMethod = "close")
	QueueReadings queueReadings(QueueManager manager) {
		return new QueueReadings(new ApplicationQueues(List.of()), manager::workerPools, manager::countsAsync,
				Duration.ofSeconds(2));
	}

}
