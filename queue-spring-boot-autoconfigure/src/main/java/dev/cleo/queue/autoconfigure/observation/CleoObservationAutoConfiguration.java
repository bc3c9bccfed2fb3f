/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.observation;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;

import dev.cleo.queue.autoconfigure.QueueManagerBuilderCustomizer;

/**
 * Observes Cleo's enqueues ({@code cleo.enqueue}) and attempts ({@code cleo.attempt}) on
 * the application's {@link ObservationRegistry} (Spring Boot's, from its
 * {@code ObservationAutoConfiguration}), as Boot does for its own components: on whenever
 * the registry exists, off with Boot's own switch,
 * {@code management.observations.enable.cleo=false}. With a Micrometer Tracing
 * {@code Tracer} (a tracing bridge on the class path), each task carries the trace
 * context of its enqueue, and its attempts continue that trace on whichever instance runs
 * them; without one, claims do not read the (absent) headers. Runs first among the
 * builder customizers, so an application's own can still change it.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
public final class CleoObservationAutoConfiguration {

	private static final String TRACER = "io.micrometer.tracing.Tracer";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	QueueManagerBuilderCustomizer cleoObservationCustomizer(ObjectProvider<ObservationRegistry> registry,
			ListableBeanFactory beans) {
		return (builder) -> registry.ifUnique((unique) -> builder.observationRegistry(unique, traces(beans)));
	}

	/**
	 * Descriptions for the meters made of Cleo's observations, when Micrometer meters
	 * exist.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.config.MeterFilter")
	static class MeterDescriptionsConfiguration {

		@Bean
		static MeterFilter cleoObservationMeterDescriptions() {
			return new ObservationMeterDescriptions();
		}

	}

	/**
	 * Whether a tracer exists; Micrometer Tracing is optional, so it is named, not
	 * linked.
	 */
	private static boolean traces(ListableBeanFactory beans) {
		ClassLoader loader = CleoObservationAutoConfiguration.class.getClassLoader();
		return ClassUtils.isPresent(TRACER, loader)
				&& beans.getBeanNamesForType(ClassUtils.resolveClassName(TRACER, loader), true, false).length > 0;
	}

}
