/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler for {@link GroupGuaranteesTests} that records, per group, how many of its
 * tasks ran at once (a counter up on entry, down on exit, its most kept), every attempt
 * in the order it started ({@code "<index>#<attempt>"}) and every task in the order it
 * completed; and which worker pools ran anything. A task fails its first
 * {@link Step#failures()} attempts.
 */
final class GroupRecorder {

	private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

	private final Map<String, Integer> mostAtOnce = new ConcurrentHashMap<>();

	private final Map<String, List<String>> starts = new ConcurrentHashMap<>();

	private final Map<String, List<Integer>> completions = new ConcurrentHashMap<>();

	private final Set<String> pools = ConcurrentHashMap.newKeySet();

	private final AtomicInteger completed = new AtomicInteger();

	TaskHandler handler() {
		return (task) -> {
			Step step = task.payload(Step.class);
			int atOnce = this.running.computeIfAbsent(step.group(), (group) -> new AtomicInteger()).incrementAndGet();
			try {
				this.mostAtOnce.merge(step.group(), atOnce, Math::max);
				list(this.starts, step.group()).add(step.index() + "#" + task.attempt());
				this.pools.add(poolOfThisThread());
				// a task takes a moment, so that two of a group running at once would
				// overlap visibly
				Thread.sleep(1);
				if (task.attempt() <= step.failures()) {
					throw new IllegalStateException("planned failure " + task.attempt() + " of " + step.failures());
				}
				list(this.completions, step.group()).add(step.index());
				this.completed.incrementAndGet();
				return null;
			}
			finally {
				this.running.get(step.group()).decrementAndGet();
			}
		};
	}

	/** Per group, the most of its tasks that ran at once. */
	Map<String, Integer> mostAtOnce() {
		return this.mostAtOnce;
	}

	/** A group's attempts in the order they started, as {@code "<index>#<attempt>"}. */
	List<String> starts(String group) {
		return this.starts.getOrDefault(group, List.of());
	}

	/** A group's tasks in the order they completed. */
	List<Integer> completions(String group) {
		return this.completions.getOrDefault(group, List.of());
	}

	/** How many tasks completed, over all groups. */
	int completed() {
		return this.completed.get();
	}

	/** The worker pools that ran a task (from the handler threads' names). */
	Set<String> pools() {
		return this.pools;
	}

	private static <T> List<T> list(Map<String, List<T>> lists, String group) {
		return lists.computeIfAbsent(group, (key) -> new CopyOnWriteArrayList<>());
	}

	/** Platform handler threads are named {@code cleo-<pool>-<n>}. */
	private static String poolOfThisThread() {
		String name = Thread.currentThread().getName();
		return name.startsWith("cleo-") ? name.substring(5, name.lastIndexOf('-')) : name;
	}

	/**
	 * A grouped task's payload: its group, its place in the group, its planned failures.
	 */
	record Step(String group, int index, int failures) {
	}

}
