/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.Retention;

/**
 * A producer and a pool running at once, timed from the first enqueue to the last
 * completion. {@code end_to_end} runs the base task count; {@code flood} runs ten times
 * as many with the default {@link Retention} and reports Redis's memory before, at its
 * peak during (sampled every second) and after the run, which shows whether retention
 * keeps memory bounded. {@code groups_round_robin} deals the base task count to
 * {@code --groups} groups (task {@code i} in group {@code i % groups}) at the default
 * group concurrency of 1 and the round-robin strategy: each group runs one task at a time
 * in enqueue order while the groups take turns.
 */
final class EndToEndScenario implements Scenario {

	private final String name;

	private final int multiplier;

	private final boolean sampleMemory;

	private final boolean grouped;

	private EndToEndScenario(String name, int multiplier, boolean sampleMemory, boolean grouped) {
		this.name = name;
		this.multiplier = multiplier;
		this.sampleMemory = sampleMemory;
		this.grouped = grouped;
	}

	static EndToEndScenario standard() {
		return new EndToEndScenario("end_to_end", 1, false, false);
	}

	static EndToEndScenario flood() {
		return new EndToEndScenario("flood", 10, true, false);
	}

	static EndToEndScenario groupsRoundRobin() {
		return new EndToEndScenario("groups_round_robin", 1, false, true);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public BenchResult run(BenchContext bench) throws InterruptedException {
		int tasks = Math.multiplyExact(bench.options().tasks(), this.multiplier);
		Long before = this.sampleMemory ? bench.redis().usedMemory() : null;
		try (QueueManager manager = bench.newManager();
				Completions done = Completions.track(manager, this.name, tasks);
				MemorySampler sampler = this.sampleMemory ? MemorySampler.start(bench.redis()) : null) {
			manager.startWorkers(bench.pool(this.name));
			double cpuBefore = bench.redis().usedCpuSeconds();
			long start = System.nanoTime();
			Producer producer = bench.producer(manager, this.name);
			(this.grouped ? producer.inGroups(bench.options().groups()) : producer).enqueue(tasks);
			done.await();
			long nanos = System.nanoTime() - start;
			double cpuAfter = bench.redis().usedCpuSeconds();
			BenchResult result = new BenchResult(this.name, tasks, bench.options().concurrency(), nanos)
				.redisCpu(cpuBefore, cpuAfter)
				.producer(bench.options())
				.dead(done.dead());
			if (this.grouped) {
				result = result.with("groups", bench.options().groups())
					.with("group_concurrency", manager.groups(this.name).concurrency());
			}
			return this.sampleMemory ? withMemory(result, before, sampler) : result;
		}
	}

	private static BenchResult withMemory(BenchResult result, long before, MemorySampler sampler) {
		sampler.close();
		return result.with("retention_completed_max_count", Retention.defaults().completedMaxCount())
			.with("redis_used_memory_before_bytes", before)
			.with("redis_used_memory_peak_during_bytes", sampler.peak());
	}

}
