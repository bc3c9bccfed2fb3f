/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.redis.ScheduleStore;

/**
 * What this instance declares for {@link Schedules#reconcile}: the declaration is
 * refreshed in Redis every grace / 4 (at most every minute) by the firer's loop, and each
 * refresh sweeps the owner's schedules nobody declared for the grace period and saves
 * again the declared schedules Redis no longer holds (a restart without persistence, a
 * failover to an empty replica), so they fire again within one refresh.
 */
final class ScheduleDeclarations {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleDeclarations.class);

	private final ScheduleStore store;

	private volatile Declaration current;

	private volatile long nextNanos;

	ScheduleDeclarations(ScheduleStore store) {
		this.store = store;
	}

	/** Sweep at once with a new declaration, then keep it; returns the removed names. */
	List<String> declare(Declaration declaration) {
		List<String> removed = sweep(declaration);
		this.nextNanos = System.nanoTime() + declaration.every().toNanos();
		this.current = declaration;
		return removed;
	}

	/** Refresh and sweep when it is time; returns how long (ms) until the next time. */
	long refresh(long idleMillis) {
		Declaration declaration = this.current;
		if (declaration == null) {
			return idleMillis;
		}
		long now = System.nanoTime();
		if (now - this.nextNanos >= 0) {
			sweep(declaration);
			restoreMissing(declaration);
			this.nextNanos = now + declaration.every().toNanos();
		}
		return Math.max(1, (this.nextNanos - now) / 1_000_000);
	}

	private List<String> sweep(Declaration declaration) {
		List<String> removed = new ArrayList<>();
		for (String queue : this.store.scheduleQueues()) {
			List<String> names = declaration.names().getOrDefault(queue, List.of());
			this.store.declared(queue, declaration.owner(), declaration.grace().toMillis(), names)
				.forEach((name) -> removed.add(queue + "/" + name));
		}
		if (!removed.isEmpty()) {
			logger.info("Removed schedules {}: no instance of '{}' declared them for {}", removed, declaration.owner(),
					declaration.grace());
		}
		return removed;
	}

	private void restoreMissing(Declaration declaration) {
		List<String> restored = new ArrayList<>();
		declaration.names().forEach((queue, names) -> {
			Set<String> stored = new HashSet<>();
			this.store.list(queue).forEach((schedule) -> stored.add(schedule.name()));
			for (String name : names) {
				if (!stored.contains(name)) {
					declaration.restorer().restore(queue, name);
					restored.add(queue + "/" + name);
				}
			}
		});
		if (!restored.isEmpty()) {
			logger.warn("Saved schedules {} of '{}' again: Redis no longer held them (restarted without "
					+ "persistence, or failed over to an empty replica?)", restored, declaration.owner());
		}
	}

	/**
	 * Saves one declared schedule again.
	 */
	@FunctionalInterface
	interface Restorer {

		/**
		 * Save the declared schedule again, as the reconciliation saved it.
		 * @param queue its queue
		 * @param name its name
		 */
		void restore(String queue, String name);

	}

	/**
	 * The schedules an owner's instance declares.
	 *
	 * @param owner the application
	 * @param names the declared names by queue
	 * @param grace how long an undeclared schedule is kept
	 * @param restorer saves a declared schedule again when Redis lost it
	 */
	record Declaration(String owner, Map<String, List<String>> names, Duration grace, Restorer restorer) {

		/**
		 * How often the declaration is refreshed: a quarter of the grace, at most a
		 * minute.
		 */
		Duration every() {
			Duration quarter = this.grace.dividedBy(4);
			return (quarter.compareTo(Duration.ofMinutes(1)) > 0) ? Duration.ofMinutes(1) : quarter;
		}

	}

}
