/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import dev.cleo.queue.QueueManager;

/**
 * {@code enqueue_bulk}: how fast a producer stores tasks, from the first batch sent to
 * the last one acknowledged. No pool runs, so the tasks stay waiting.
 */
final class EnqueueBulkScenario implements Scenario {

	@Override
	public String name() {
		return "enqueue_bulk";
	}

	@Override
	public BenchResult run(BenchContext bench) throws InterruptedException {
		int tasks = bench.options().tasks();
		try (QueueManager manager = bench.newManager()) {
			Producer producer = bench.producer(manager, name());
			double cpuBefore = bench.redis().usedCpuSeconds();
			long start = System.nanoTime();
			producer.enqueue(tasks);
			long nanos = System.nanoTime() - start;
			double cpuAfter = bench.redis().usedCpuSeconds();
			return new BenchResult(name(), tasks, bench.options().batchesInFlight(), nanos)
				.redisCpu(cpuBefore, cpuAfter)
				.producer(bench.options());
		}
	}

}
