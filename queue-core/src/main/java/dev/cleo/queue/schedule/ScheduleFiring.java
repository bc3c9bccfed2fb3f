/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.util.Set;
import java.util.function.Supplier;

import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.ScheduleStore;

/**
 * The engine control of one manager's schedule firing, apart from the user operations of
 * {@link Schedules}: reached through {@code QueueManager.schedules().firing()}. A manager
 * fires the schedules of the queues its running worker pools serve; it starts firing with
 * its first worker pool and stops when it closes. Whichever managers fire a schedule,
 * each tick fires once (see {@code docs/design/scheduling.md}).
 */
public final class ScheduleFiring {

	private final ScheduleFirer firer;

	private volatile boolean allowed = true;

	ScheduleFiring(ScheduleStore store, RedisConnector connector, Supplier<Set<String>> servedQueues,
			ScheduledRunEvents runEvents) {
		// A manager that may not fire serves no queue to the firer, whose loop still
		// keeps the declarations of reconcile alive.
		this.firer = new ScheduleFirer(store, connector, () -> this.allowed ? servedQueues.get() : Set.of(), runEvents);
	}

	/**
	 * The loop behind this control, which {@link Schedules#reconcile} declares through.
	 */
	ScheduleFirer firer() {
		return this.firer;
	}

	/**
	 * Fire the schedules of the queues this manager's running worker pools serve. The
	 * manager calls this when it starts a pool; it does nothing when already firing.
	 */
	public void start() {
		this.firer.start();
	}

	/**
	 * Stop firing on this manager; the other managers go on. A pool started later turns
	 * firing on again.
	 */
	public void stop() {
		this.firer.stop();
	}

	/**
	 * Allow or forbid firing on this manager, whatever worker pools it runs (allowed
	 * unless told otherwise). A manager that may not fire still keeps declaring the
	 * schedules it {@link Schedules#reconcile reconciled}, so they stay while the other
	 * managers fire them.
	 * @param allowed whether this manager may fire
	 */
	public void setAllowed(boolean allowed) {
		this.allowed = allowed;
	}

	/**
	 * Whether this manager fires schedules: it is allowed to and has started.
	 * @return true when firing
	 */
	public boolean isFiring() {
		return this.allowed && this.firer.isRunning();
	}

}
