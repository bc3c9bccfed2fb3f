/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.util.Map;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * The {@code cleo.metrics.*} switches that Spring Boot's own properties replaced. An
 * application that still sets one fails to start with a report naming the replacement,
 * rather than silently getting meters (or histograms) it had turned off (or on).
 * Internal.
 */
final class RemovedMetricsProperties {

	private static final Map<String, String> REPLACEMENTS = Map.of("cleo.metrics.enabled",
			"Spring Boot's management.metrics.enable.cleo=false turns Cleo's meters off (or exclude"
					+ " CleoMetricsAutoConfiguration with spring.autoconfigure.exclude)",
			"cleo.metrics.percentile-histogram",
			"histograms are off by default; Spring Boot's"
					+ " management.metrics.distribution.percentiles-histogram.cleo.tasks=true turns them on"
					+ " for cleo.tasks.duration and cleo.tasks.wait");

	private RemovedMetricsProperties() {
	}

	/**
	 * Fail when the environment sets a removed property.
	 * @param environment the application's environment
	 * @throws InvalidConfigurationPropertyValueException naming the first one found and
	 * its replacement
	 */
	static void check(Environment environment) {
		REPLACEMENTS.forEach((name, replacement) -> {
			String value = environment.getProperty(name);
			if (value != null) {
				throw new InvalidConfigurationPropertyValueException(name, value,
						name + " was removed: " + replacement + ".");
			}
		});
	}

}
