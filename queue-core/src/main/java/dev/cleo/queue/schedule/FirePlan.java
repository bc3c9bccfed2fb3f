/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.util.List;

/**
 * What firing a due schedule should do, computed from its stored next tick and Redis's
 * time: the ticks to run, how many to count as skipped, and the next tick to store. A
 * lone due tick within the misfire threshold runs as usual; otherwise the ticks are
 * missed and the policy decides (see {@link MisfirePolicy}). The next tick is always the
 * first after now, so a long outage costs one call, not one per missed tick.
 *
 * @param ticks the ticks to enqueue a run for (ms), oldest first
 * @param skipped how many due ticks do not run
 * @param next the next tick to store (ms); 0 for a fixed delay, whose script computes it
 */
record FirePlan(List<Long> ticks, long skipped, long next) {

	/** Missed ticks are counted up to this many; a longer outage counts as this many. */
	static final int COUNT_LIMIT = 10_000;

	static FirePlan of(Trigger trigger, long stored, long now, MisfirePolicy policy, int catchUpMax,
			long thresholdMillis) {
		if (trigger.kind() == Trigger.Kind.FIXED_DELAY) {
			return new FirePlan(List.of(stored), 0, 0);
		}
		List<Long> recent = trigger.recent(stored, now, (policy == MisfirePolicy.CATCH_UP) ? catchUpMax : 1);
		long latest = recent.get(recent.size() - 1);
		long next = trigger.next(latest);
		if (latest == stored && now - stored <= thresholdMillis) {
			return new FirePlan(List.of(stored), 0, next);
		}
		long missed = count(trigger, stored, latest);
		return switch (policy) {
			case SKIP -> new FirePlan(List.of(), missed, next);
			case FIRE_ONCE -> new FirePlan(List.of(latest), missed - 1, next);
			case CATCH_UP -> new FirePlan(recent, Math.max(0, missed - recent.size()), next);
		};
	}

	/**
	 * How many ticks from {@code first} to {@code last}, both included, at most the
	 * limit.
	 */
	private static long count(Trigger trigger, long first, long last) {
		if (trigger.kind() == Trigger.Kind.FIXED_RATE) {
			return Math.min(COUNT_LIMIT, (last - first) / trigger.period().toMillis() + 1);
		}
		long count = 1;
		for (long tick = first; tick < last && count < COUNT_LIMIT; count++) {
			tick = trigger.next(tick);
		}
		return count;
	}

}
