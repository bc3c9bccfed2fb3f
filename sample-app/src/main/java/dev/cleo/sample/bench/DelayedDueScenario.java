/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;

import dev.cleo.queue.QueueManager;

/**
 * {@code delayed_due}: how fast a pool works off tasks that all come due at once. The
 * tasks are enqueued with one {@code runAt} a few seconds ahead while the pool already
 * waits; the clock runs from that due instant to the last task's start, so it covers
 * promoting them from the delayed set as well as running them, and compares with
 * {@code drain}'s backlog of tasks that were ready from the start.
 * <p>
 * The lead is {@value #BASE_LEAD_MILLIS} ms plus {@value #LEAD_MICROS_PER_TASK} µs a
 * task: an enqueue rate of 40,000 tasks/s, under half of what {@code enqueue_bulk}
 * measures, still finishes in time (100,000 tasks take about 1.1 s of the 3.5 s). A run
 * whose enqueue ends after the due time fails rather than report a wrong time.
 */
final class DelayedDueScenario implements Scenario {

	private static final String DUE_TASK = "bench-due";

	private static final long BASE_LEAD_MILLIS = 1_000;

	private static final long LEAD_MICROS_PER_TASK = 25;

	@Override
	public String name() {
		return "delayed_due";
	}

	@Override
	public BenchResult run(BenchContext bench) throws InterruptedException {
		int tasks = bench.options().tasks();
		StartTimes starts = new StartTimes();
		try (QueueManager manager = bench.newManager(); Completions done = Completions.track(manager, name(), tasks)) {
			manager.register(DUE_TASK, (task) -> starts.started(System.nanoTime()));
			manager.startWorkers(bench.pool(name()));
			long leadMillis = BASE_LEAD_MILLIS + tasks * LEAD_MICROS_PER_TASK / 1_000;
			// The due instant on both clocks: the wall clock the engine compares run_at
			// with, and the monotonic one the starts are timed by.
			long dueMillis = System.currentTimeMillis() + leadMillis;
			long dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(leadMillis);
			long enqueueNanos = enqueueBefore(bench, manager, dueMillis, dueNanos);
			// From the end of the enqueue (before the due instant) to the last
			// completion.
			double cpuBefore = bench.redis().usedCpuSeconds();
			done.await();
			double cpuAfter = bench.redis().usedCpuSeconds();
			return new BenchResult(name(), tasks, bench.options().concurrency(), starts.last() - dueNanos)
				.redisCpu(cpuBefore, cpuAfter)
				.producer(bench.options())
				.with("lead_ms", leadMillis)
				.with("enqueue_seconds", BenchResult.round(enqueueNanos / 1e9, 3))
				.with("first_start_ms", BenchResult.round((starts.first() - dueNanos) / 1e6, 3))
				.dead(done.dead());
		}
	}

	/**
	 * Enqueue the tasks, all due at the given instant, and fail when that instant passed
	 * before the last was stored.
	 * @return how long the enqueue took
	 */
	private long enqueueBefore(BenchContext bench, QueueManager manager, long dueMillis, long dueNanos)
			throws InterruptedException {
		long start = System.nanoTime();
		new Producer(manager, DUE_TASK, bench.taskOptions(name()).runAt(Instant.ofEpochMilli(dueMillis)),
				bench.options().batchesInFlight())
			.enqueue(bench.options().tasks());
		long end = System.nanoTime();
		if (end >= dueNanos) {
			throw new IllegalStateException(name() + ": enqueueing " + bench.options().tasks()
					+ " tasks took longer than the lead, so some were due before they were stored; run fewer --tasks");
		}
		return end - start;
	}

	/**
	 * The first and last handler start, from every handler thread. The ack comes after
	 * the start; the scenario reads these once every task completed.
	 */
	private static final class StartTimes {

		private final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);

		private final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);

		Object started(long nanos) {
			this.first.accumulate(nanos);
			this.last.accumulate(nanos);
			return null;
		}

		long first() {
			return this.first.get();
		}

		long last() {
			return this.last.get();
		}

	}

}
