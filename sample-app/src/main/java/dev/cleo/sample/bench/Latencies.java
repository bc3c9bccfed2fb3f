/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency samples from many threads, kept exactly (a bench run has at most a few
 * million), with nearest-rank percentiles. Read the percentiles only after every writer
 * is known to be done.
 */
final class Latencies {

	private final long[] nanos;

	private final AtomicInteger count = new AtomicInteger();

	Latencies(int capacity) {
		this.nanos = new long[capacity];
	}

	void record(long nanos) {
		int index = this.count.getAndIncrement();
		if (index < this.nanos.length) {
			this.nanos[index] = nanos;
		}
	}

	int count() {
		return Math.min(this.count.get(), this.nanos.length);
	}

	/**
	 * The nearest-rank percentile, in milliseconds rounded to 3 decimals.
	 * @param percent from 0 (exclusive) to 100
	 * @return the latency, or {@code null} without samples
	 */
	Double percentileMillis(double percent) {
		int n = count();
		if (n == 0) {
			return null;
		}
		long[] sorted = Arrays.copyOf(this.nanos, n);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * n);
		return BenchResult.round(sorted[Math.max(0, rank - 1)] / 1e6, 3);
	}

}
