/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;

/**
 * {@code latency}: enqueue-to-start latency at a steady rate. Each task is enqueued on
 * its own ({@code enqueue}) at its slot on a fixed grid ({@link SlotProducer}); it
 * carries the {@code nanoTime} read just before the enqueue call, and the handler
 * subtracts that from its own first {@code nanoTime} (same JVM). One second of warm-up at
 * the same rate runs, and finishes, first; it is not measured.
 * <p>
 * The JIT warm-up ({@code --warmup-tasks}) runs here too, on the same manager and pool,
 * rather than as a separate smaller run: closing a pool de-optimises code that the next
 * one needs again, and a pool that is busy at a fast pace leaves cold the idle path that
 * a steady 1,000 tasks/s takes (block for a wake-up, claim one task). So the warm-up
 * sends its tasks at a fast pace first, then {@value #SETTLE_SECONDS} seconds at the
 * measured pace, long enough for the compiler to finish with that path.
 */
final class LatencyScenario implements Scenario {

	private static final String TICK = "bench-tick";

	private static final int WARMUP_SECONDS = 1;

	private static final int SETTLE_SECONDS = 15;

	private static final int FAST_WARMUP_SECONDS = 5;

	@Override
	public String name() {
		return "latency";
	}

	@Override
	public boolean warmsUpInPlace() {
		return true;
	}

	@Override
	public BenchResult run(BenchContext bench) throws InterruptedException {
		int rate = bench.options().rate();
		int measured = Math.multiplyExact(rate, bench.options().durationSeconds());
		Latencies latencies = new Latencies(measured);
		try (QueueManager manager = bench.newManager()) {
			manager.register(TICK, (task) -> {
				long started = System.nanoTime();
				Tick tick = task.payload(Tick.class);
				if (!tick.warmup()) {
					latencies.record(started - tick.enqueuedNanos());
				}
				return null;
			});
			manager.startWorkers(bench.pool(name()));
			int jitWarmup = bench.options().warmupTasks();
			if (jitWarmup > 0) {
				send(bench, manager, jitWarmup, Math.max(rate, jitWarmup / FAST_WARMUP_SECONDS), true);
				int settleSeconds = (int) Math.min(SETTLE_SECONDS, Math.max(1, jitWarmup / rate));
				send(bench, manager, rate * settleSeconds, rate, true);
			}
			send(bench, manager, rate * WARMUP_SECONDS, rate, true);
			double cpuBefore = bench.redis().usedCpuSeconds();
			SlotProducer producer = send(bench, manager, measured, rate, false);
			long nanos = System.nanoTime() - producer.slotNanos(0);
			double cpuAfter = bench.redis().usedCpuSeconds();
			return new BenchResult(name(), measured, bench.options().concurrency(), nanos).latency(latencies)
				.redisCpu(cpuBefore, cpuAfter)
				.with("rate_per_sec", rate)
				.with("producer_threads", SlotProducer.THREADS)
				.with("max_schedule_lag_ms", BenchResult.round(producer.maxLagNanos() / 1e6, 3));
		}
	}

	/**
	 * Send tasks on a fresh grid and wait until all finished. The warm-up gets a grid of
	 * its own, so a cold JVM falling behind it cannot spill into the measured grid.
	 */
	private SlotProducer send(BenchContext bench, QueueManager manager, int tasks, int rate, boolean warmup)
			throws InterruptedException {
		TaskOptions options = bench.taskOptions(name());
		try (Completions done = Completions.track(manager, name(), tasks)) {
			SlotProducer producer = new SlotProducer(rate,
					(slot, now) -> manager.enqueue(TICK, new Tick(now, warmup), options));
			producer.run(tasks);
			done.await();
			return producer;
		}
	}

	/**
	 * The payload of a latency task.
	 *
	 * @param enqueuedNanos {@code System.nanoTime()} just before the enqueue call
	 * @param warmup whether it belongs to the unmeasured warm-up
	 */
	record Tick(long enqueuedNanos, boolean warmup) {
	}

}
