/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * One scenario's result line: {@code scenario}, {@code tasks}, {@code concurrency},
 * {@code seconds}, {@code tasks_per_sec} and {@code redis_cpu_us_per_task} always, then
 * what applies to the scenario (latency percentiles, producer settings, memory), in that
 * order. Fields without a value are left out.
 */
final class BenchResult {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private final long tasks;

	/**
	 * @param scenario the scenario
	 * @param tasks the tasks measured
	 * @param concurrency the pool's concurrency (for a scenario without a pool, the
	 * producer's batches in flight)
	 * @param nanos the measured time
	 */
	BenchResult(String scenario, long tasks, int concurrency, long nanos) {
		double seconds = nanos / 1e9;
		this.tasks = tasks;
		this.fields.put("scenario", scenario);
		this.fields.put("tasks", tasks);
		this.fields.put("concurrency", concurrency);
		this.fields.put("seconds", round(seconds, 3));
		this.fields.put("tasks_per_sec", round(tasks / seconds, 1));
	}

	BenchResult latency(Latencies latencies) {
		return with("p50_ms", latencies.percentileMillis(50)).with("p95_ms", latencies.percentileMillis(95))
			.with("p99_ms", latencies.percentileMillis(99));
	}

	/**
	 * The CPU time Redis spent over the timed window per task counted, in microseconds
	 * ({@code redis_cpu_us_per_task}): what one task costs Redis, whatever the
	 * throughput.
	 * @param cpuSecondsBefore {@link BenchRedis#usedCpuSeconds()} just before the window
	 * @param cpuSecondsAfter the same just after it
	 */
	BenchResult redisCpu(double cpuSecondsBefore, double cpuSecondsAfter) {
		return with("redis_cpu_us_per_task", round((cpuSecondsAfter - cpuSecondsBefore) * 1e6 / this.tasks, 2));
	}

	/**
	 * How the producer enqueued: batch size and how many batches were on their way at
	 * once.
	 */
	BenchResult producer(BenchOptions options) {
		return with("batch_size", Producer.BATCH_SIZE).with("batches_in_flight", options.batchesInFlight());
	}

	/**
	 * Tasks that died: a no-op bench should have none, so the field appears only when
	 * some did.
	 */
	BenchResult dead(long dead) {
		return with("dead", (dead > 0) ? dead : null);
	}

	BenchResult with(String field, Object value) {
		if (value != null) {
			this.fields.put(field, value);
		}
		return this;
	}

	String toJson() {
		return JSON.writeValueAsString(this.fields);
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
