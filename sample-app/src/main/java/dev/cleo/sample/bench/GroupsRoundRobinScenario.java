/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import dev.cleo.queue.QueueManager;

/**
 * {@code groups_round_robin}: {@code end_to_end} with every task in one of
 * {@code --groups} groups (task {@code i} in group {@code i % groups}), at the default
 * group concurrency of 1 and the round-robin strategy, so each group runs one task at a
 * time in enqueue order while the groups take turns. Timed from the first enqueue to the
 * last completion.
 */
final class GroupsRoundRobinScenario implements Scenario {

	static final String QUEUE = "groups_round_robin";

	@Override
	public String name() {
		return QUEUE;
	}

	@Override
	public BenchResult run(BenchContext bench) throws InterruptedException {
		int tasks = bench.options().tasks();
		int groups = bench.options().groups();
		try (QueueManager manager = bench.newManager(); Completions done = Completions.track(manager, QUEUE, tasks)) {
			manager.startWorkers(bench.pool(QUEUE));
			long start = System.nanoTime();
			bench.producer(manager, QUEUE).inGroups(groups).enqueue(tasks);
			done.await();
			long nanos = System.nanoTime() - start;
			return new BenchResult(QUEUE, tasks, bench.options().concurrency(), nanos).producer(bench.options())
				.with("groups", groups)
				.with("group_concurrency", manager.groupConcurrency(QUEUE))
				.dead(done.dead());
		}
	}

}
