/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

import dev.cleo.queue.TaskSerializer;
import dev.cleo.queue.event.TaskEventBus;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.ScheduleStore;

/**
 * Internal, not API: how a {@code QueueManager} builds its scheduling, the
 * {@link Schedules} users work with and the {@link ScheduleFiring} control, both on one
 * firing loop. Public only because the manager lives in another package; applications
 * reach both through the manager.
 */
public final class ScheduleEngine {

	private final Schedules schedules;

	private final ScheduleFiring firing;

	/**
	 * Wire the scheduling of one manager.
	 * @param store the schedule store
	 * @param serializer payload conversion
	 * @param connector the connections (the firing loop listens on a pub/sub connection)
	 * @param servedQueues the queues the manager's running pools serve
	 * @param maxPayloadSize the most bytes a run's payload may take as JSON in UTF-8
	 * @param events the bus that hears of the runs this manager enqueues
	 * @param clock the manager's clock, for the time of those events
	 */
	public ScheduleEngine(ScheduleStore store, TaskSerializer serializer, RedisConnector connector,
			Supplier<Set<String>> servedQueues, long maxPayloadSize, TaskEventBus events, Clock clock) {
		ScheduledRunEvents runEvents = new ScheduledRunEvents(events, clock);
		this.firing = new ScheduleFiring(store, connector, servedQueues, runEvents);
		this.schedules = new Schedules(store, serializer, maxPayloadSize, this.firing.firer(), runEvents);
		this.schedules.firing(this.firing);
	}

	/**
	 * @return the schedules, for {@code QueueManager.schedules()}
	 */
	public Schedules schedules() {
		return this.schedules;
	}

	/**
	 * @return the firing control, for {@code QueueManager.schedules().firing()}
	 */
	public ScheduleFiring firing() {
		return this.firing;
	}

}
