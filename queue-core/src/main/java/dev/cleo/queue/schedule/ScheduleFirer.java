/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.redis.DueSchedules;
import dev.cleo.queue.redis.FireResult;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.ScheduleStore;
import dev.cleo.queue.redis.ScheduleStore.ScheduledRun;
import dev.cleo.queue.redis.StoredSchedule;

/**
 * One manager's firing loop, on a thread of its own: for each served queue, read the due
 * schedules with Redis's time, fire each (a compare-and-set: of the managers that try,
 * one succeeds), then sleep until the earliest next tick, measured as a difference of
 * Redis times on the local monotonic clock, so a skewed local clock changes nothing. The
 * sleep lasts at most {@value #IDLE_MILLIS} ms and ends early when a schedule changes.
 */
final class ScheduleFirer {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleFirer.class);

	static final long IDLE_MILLIS = 5_000;

	private static final int BATCH = 100;

	private static final int ROUNDS = 10;

	private final ScheduleStore store;

	private final Supplier<Set<String>> servedQueues;

	private final ScheduleWakeups wakeups;

	private final Object monitor = new Object();

	private boolean woken;

	private volatile boolean running;

	private Thread thread;

	private final ScheduleDeclarations declarations;

	private final ScheduledRunEvents runEvents;

	ScheduleFirer(ScheduleStore store, RedisConnector connector, Supplier<Set<String>> servedQueues,
			ScheduledRunEvents runEvents) {
		this.store = store;
		this.runEvents = runEvents;
		this.servedQueues = servedQueues;
		this.wakeups = new ScheduleWakeups(connector, store, this::wake);
		this.declarations = new ScheduleDeclarations(store);
	}

	synchronized void start() {
		if (this.running) {
			// A pool started: look at its queues now, not after a sleep that may last
			// until
			// the next declaration refresh.
			wake();
			return;
		}
		this.running = true;
		this.thread = new Thread(this::loop, "cleo-scheduler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void stop() {
		Thread stopping;
		synchronized (this) {
			this.running = false;
			stopping = this.thread;
			this.thread = null;
		}
		wake();
		if (stopping != null) {
			try {
				stopping.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.wakeups.close();
	}

	boolean isRunning() {
		return this.running;
	}

	private void loop() {
		long backoff = 100;
		while (this.running) {
			try {
				// Look at the served queues at least every IDLE_MILLIS, however far off
				// the
				// next declaration refresh is.
				long sleep = Math.min(IDLE_MILLIS, this.declarations.refresh(IDLE_MILLIS));
				for (String queue : this.servedQueues.get()) {
					this.wakeups.listen(queue);
					sleep = Math.min(sleep, fireDue(queue));
				}
				backoff = 100;
				sleep(sleep);
			}
			catch (RuntimeException ex) {
				// Redis away, or an answer this version cannot read: never let the loop
				// die.
				if (backoff == 100) {
					logger.warn("Firing schedules failed; retrying with backoff: {}", ex.toString());
				}
				sleep(backoff);
				backoff = Math.min(backoff * 2, IDLE_MILLIS);
			}
		}
	}

	/**
	 * Fires what is due on a queue; returns how long (ms) until its earliest next tick.
	 */
	private long fireDue(String queue) {
		for (int round = 0; round < ROUNDS; round++) {
			DueSchedules scan = this.store.due(queue, BATCH);
			if (scan.due().isEmpty()) {
				return (scan.earliest() < 0) ? IDLE_MILLIS : Math.max(1, scan.earliest() - scan.now());
			}
			scan.due().forEach((schedule) -> fire(schedule, scan.now()));
		}
		return 1;
	}

	private void fire(StoredSchedule schedule, long now) {
		Trigger trigger;
		FirePlan plan;
		try {
			trigger = Trigger.decode(schedule.trigger());
			plan = FirePlan.of(trigger, schedule.nextMillis(), now, MisfirePolicy.valueOf(schedule.misfire()),
					schedule.catchUpMax(), schedule.misfireThresholdMillis());
		}
		catch (RuntimeException ex) {
			// Stored by another version, or a cron with no later tick: look again later
			// instead of spinning on it.
			logger.warn("Schedule '{}' of queue '{}' cannot be fired, trying again in {} ms: {}", schedule.name(),
					schedule.queue(), IDLE_MILLIS, ex.getMessage());
			this.store.fire(schedule.queue(), schedule.name(), schedule.next(), now + IDLE_MILLIS, 0, List.of(), 0);
			return;
		}
		List<ScheduledRun> runs = new ArrayList<>(plan.ticks().size());
		plan.ticks().forEach((tick) -> runs.add(new ScheduledRun(tick, UUID.randomUUID().toString())));
		FireResult result = this.store.fire(schedule.queue(), schedule.name(), schedule.next(), plan.next(),
				plan.skipped(), runs, IDLE_MILLIS);
		if (result.outcome() == FireResult.Outcome.FIRED) {
			this.runEvents.enqueued(schedule.queue(), schedule.task(), result.ids());
		}
		if (trigger.kind() == Trigger.Kind.FIXED_DELAY && !result.ids().isEmpty()) {
			this.wakeups.awaitEnd(schedule.queue(), schedule.name(), result.ids().get(result.ids().size() - 1));
		}
		if (logger.isDebugEnabled() && result.outcome() == FireResult.Outcome.FIRED) {
			logger.debug("Schedule '{}' of queue '{}' fired runs {}, skipped {}, next tick {}", schedule.name(),
					schedule.queue(), result.ids(), plan.skipped(), result.next());
		}
	}

	/**
	 * Keep declaring an owner's schedules from this manager (sweeping at once); the
	 * refresh needs the loop even on a manager that serves no queue, so this starts it.
	 */
	List<String> declare(ScheduleDeclarations.Declaration declaration) {
		List<String> removed = this.declarations.declare(declaration);
		start();
		wake();
		return removed;
	}

	private void wake() {
		synchronized (this.monitor) {
			this.woken = true;
			this.monitor.notifyAll();
		}
	}

	private void sleep(long millis) {
		long deadline = System.nanoTime() + millis * 1_000_000;
		synchronized (this.monitor) {
			try {
				long left = millis;
				while (!this.woken && this.running && left > 0) {
					this.monitor.wait(left);
					left = (deadline - System.nanoTime()) / 1_000_000;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
			this.woken = false;
		}
	}

}
