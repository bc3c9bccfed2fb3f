/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import dev.cleo.queue.QueueManager;

/**
 * {@code drain}: how fast one pool works off a backlog. The tasks are enqueued first,
 * untimed; the clock runs from the pool's start to the last completion.
 */
final class DrainScenario implements Scenario {

	@Override
	public String name() {
		return "drain";
	}

	@Override
	public BenchResult run(BenchContext bench) throws InterruptedException {
		int tasks = bench.options().tasks();
		try (QueueManager manager = bench.newManager(); Completions done = Completions.track(manager, name(), tasks)) {
			bench.producer(manager, name()).enqueue(tasks);
			double cpuBefore = bench.redis().usedCpuSeconds();
			long start = System.nanoTime();
			manager.startWorkers(bench.pool(name()));
			done.await();
			long nanos = System.nanoTime() - start;
			double cpuAfter = bench.redis().usedCpuSeconds();
			return new BenchResult(name(), tasks, bench.options().concurrency(), nanos).redisCpu(cpuBefore, cpuAfter)
				.dead(done.dead());
		}
	}

}
