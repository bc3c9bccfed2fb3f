/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Cleo's Micrometer meters ({@code cleo.metrics.*}) that Spring Boot has no
 * switch for. Which meters exist and their histograms follow Spring Boot's
 * {@code management.metrics.enable.*} and {@code management.metrics.distribution.*}.
 */
@ConfigurationProperties("cleo.metrics")
public class CleoMetricsProperties {

	/**
	 * How long queue depths (and metered groups' stats) read from Redis are reused, so
	 * that frequent scrapes (or several registries) cost at most one read in this
	 * interval. Scrapes never wait for Redis: an older reading is served while a new one
	 * is read in the background.
	 */
	private Duration depthCacheTtl = Duration.ofSeconds(5);

	/**
	 * How long the last queue depths (and metered groups' task counts) stay on show while
	 * Redis does not answer; after that those gauges show NaN until it answers again.
	 * Counters of metered groups keep their last values.
	 */
	private Duration depthMaxAge = Duration.ofMinutes(1);

	public Duration getDepthCacheTtl() {
		return this.depthCacheTtl;
	}

	public void setDepthCacheTtl(Duration depthCacheTtl) {
		this.depthCacheTtl = depthCacheTtl;
	}

	public Duration getDepthMaxAge() {
		return this.depthMaxAge;
	}

	public void setDepthMaxAge(Duration depthMaxAge) {
		this.depthMaxAge = depthMaxAge;
	}

}
