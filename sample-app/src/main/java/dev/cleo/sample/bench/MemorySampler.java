/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Redis's {@code used_memory} about once a second on a thread of its own and keeps
 * the peak, so a scenario can report how high memory went while it ran.
 */
final class MemorySampler implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MemorySampler.class);

	private final BenchRedis redis;

	private final AtomicLong peak = new AtomicLong();

	private final ScheduledExecutorService timer;

	private MemorySampler(BenchRedis redis) {
		this.redis = redis;
		this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "bench-memory-sampler");
			thread.setDaemon(true);
			return thread;
		});
	}

	static MemorySampler start(BenchRedis redis) {
		MemorySampler sampler = new MemorySampler(redis);
		sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 1, TimeUnit.SECONDS);
		return sampler;
	}

	/**
	 * @return the highest {@code used_memory} seen so far, in bytes
	 */
	long peak() {
		return this.peak.get();
	}

	private void sample() {
		try {
			long used = this.redis.usedMemory();
			this.peak.accumulateAndGet(used, Math::max);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read Redis memory: {}", ex.getMessage());
		}
	}

	/**
	 * Stop sampling after one last reading.
	 */
	@Override
	public void close() {
		this.timer.shutdownNow();
		sample();
	}

}
