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
	 * How long queue depths read from Redis are reused, so that frequent scrapes (or
	 * several registries) cost at most one read per queue in this interval.
	 */
	private Duration depthCacheTtl = Duration.ofSeconds(5);

	/**
	 * Whether the duration and wait timers publish percentile histograms (Prometheus
	 * buckets), for quantiles aggregated across instances.
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

	public boolean isPercentileHistogram() {
		return this.percentileHistogram;
	}

	public void setPercentileHistogram(boolean percentileHistogram) {
		this.percentileHistogram = percentileHistogram;
	}

}
