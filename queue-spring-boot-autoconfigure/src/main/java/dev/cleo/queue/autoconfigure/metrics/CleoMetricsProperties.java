/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Cleo's Micrometer meters ({@code cleo.metrics.*}).
 */
@ConfigurationProperties("cleo.metrics")
public class CleoMetricsProperties {

	/**
	 * Whether Cleo registers its meters.
	 */
	private boolean enabled = true;

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

	/**
	 * Whether the duration and wait timers publish percentile histograms (Prometheus
	 * buckets), for quantiles aggregated across instances. The buckets reach twice the
	 * longest configured task timeout (cleo.defaults.timeout, cleo.queues.*.timeout), and
	 * at least 1h while a queue has no timeout; Spring Boot's
	 * management.metrics.distribution.maximum-expected-value.cleo.tasks and
	 * management.metrics.distribution.slo.cleo.tasks override that.
	 */
	private boolean percentileHistogram = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

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

	public boolean isPercentileHistogram() {
		return this.percentileHistogram;
	}

	public void setPercentileHistogram(boolean percentileHistogram) {
		this.percentileHistogram = percentileHistogram;
	}

}
