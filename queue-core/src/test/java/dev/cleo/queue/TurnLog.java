/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A handler for the fairness tests of {@link GroupGuaranteesTests}: tasks whose payload
 * is their group's name, recorded in the order they start. When the last task outside the
 * flood group has run, it keeps the order up to that moment: what the flood got while the
 * small groups ran.
 */
final class TurnLog {

	private final String flood;

	private final int smallTasks;

	private final List<String> starts = new ArrayList<>();

	private final AtomicInteger smallDone = new AtomicInteger();

	private volatile List<String> whenSmallGroupsDone;

	/**
	 * @param flood the flood group's name
	 * @param smallTasks how many tasks the other groups hold together
	 */
	TurnLog(String flood, int smallTasks) {
		this.flood = flood;
		this.smallTasks = smallTasks;
	}

	TaskHandler handler() {
		return (task) -> {
			String group = task.payload(String.class);
			synchronized (this.starts) {
				this.starts.add(group);
			}
			if (!group.equals(this.flood) && this.smallDone.incrementAndGet() == this.smallTasks) {
				synchronized (this.starts) {
					this.whenSmallGroupsDone = List.copyOf(this.starts);
				}
			}
			return null;
		};
	}

	/**
	 * The groups of the tasks started until the small groups were done, or null before.
	 */
	List<String> whenSmallGroupsDone() {
		return this.whenSmallGroupsDone;
	}

	/** How many entries of {@code order} name a group starting with {@code prefix}. */
	static long count(List<String> order, String prefix) {
		return order.stream().filter((group) -> group.startsWith(prefix)).count();
	}

	/**
	 * How many entries after the first of a {@code first} group name a {@code later}
	 * group; none when no {@code first} group started.
	 */
	static long startedAfterFirst(List<String> order, String first, String later) {
		int from = IntStream.range(0, order.size())
			.filter((i) -> order.get(i).startsWith(first))
			.findFirst()
			.orElse(order.size());
		return count(order.subList(from, order.size()), later);
	}

	/**
	 * How far apart the groups starting with {@code prefix} ever were: at each start, the
	 * most tasks one of the {@code groups} had started minus the fewest another had.
	 * Equal groups taking turns stay within one or two; groups run one after the other
	 * reach their size.
	 */
	static int widestSpread(List<String> order, String prefix, int groups) {
		Map<String, Integer> started = new HashMap<>();
		int widest = 0;
		for (String group : order) {
			if (group.startsWith(prefix)) {
				started.merge(group, 1, Integer::sum);
				int most = started.values().stream().max(Integer::compare).orElse(0);
				int fewest = (started.size() < groups) ? 0 : started.values().stream().min(Integer::compare).orElse(0);
				widest = Math.max(widest, most - fewest);
			}
		}
		return widest;
	}

}
