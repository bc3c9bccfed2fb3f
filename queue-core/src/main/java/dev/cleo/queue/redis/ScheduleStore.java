/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;
import java.util.Optional;

/**
 * The schedule side of the store: each change is one script, and every decision about
 * time is taken by Redis's clock, never the caller's. Like {@link TaskStore}, calls wait
 * at most the command timeout and throw {@link dev.cleo.queue.QueueUnavailableException}
 * when Redis does not answer.
 */
public interface ScheduleStore {

	/**
	 * Create or update a schedule, and add its queue to the registry of schedule queues.
	 * @return 0 unchanged, 1 created, 2 updated
	 */
	int save(String queue, NewSchedule schedule);

	/**
	 * Redis's time, the earliest pending tick, and up to {@code limit} schedules due (0
	 * for only the times).
	 */
	DueSchedules due(String queue, int limit);

	/**
	 * Fire the due tick {@code expectedNext} (the stored value as read) if it is still
	 * the stored one and due by Redis's clock: enqueue a run per tick of {@code ticks}
	 * (tick and task id, ms), count {@code skipped} ticks, and store {@code nextTick}.
	 * @param recheckMillis when a fixed delay's last run still goes on, how long until
	 * the schedule is looked at again unless its end is announced
	 */
	FireResult fire(String queue, String name, String expectedNext, long nextTick, long skipped,
			List<ScheduledRun> ticks, long recheckMillis);

	/** Enqueue one run now under {@code id}, recorded as the schedule's last run. */
	FireResult runNow(String queue, String name, String id);

	/** Pause; returns 1 done, 0 already paused, -1 unknown. */
	int pause(String queue, String name);

	/** Resume at {@code nextTick}; returns 1 done, 0 not paused, -1 unknown. */
	int resume(String queue, String name, long nextTick);

	/** Delete; returns 1 done, -1 unknown. */
	int delete(String queue, String name);

	/**
	 * Refresh the declaration time of an owner's schedules declared on a queue, and
	 * delete those of the owner nobody declared for longer than {@code graceMillis}.
	 * @return the names deleted
	 */
	List<String> declared(String queue, String owner, long graceMillis, List<String> names);

	/** The schedules of a queue, by next tick, with the state of each one's last run. */
	List<StoredSchedule> list(String queue);

	/** One schedule, with the state of its last run. */
	Optional<StoredSchedule> find(String queue, String name);

	/** The queues that have had schedules. */
	List<String> scheduleQueues();

	/**
	 * The channel names: the one the scripts publish on when a schedule of a queue
	 * changes, and the one that announces the end of tasks stored with notify.
	 */
	RedisChannels channels();

	/**
	 * A run to enqueue.
	 *
	 * @param tick the tick it stands for (ms)
	 * @param id the new task id
	 */
	record ScheduledRun(long tick, String id) {

	}

}
