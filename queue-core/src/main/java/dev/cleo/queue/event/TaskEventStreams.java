/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Names;
import dev.cleo.queue.redis.HistoryStore;

/**
 * The events of every instance, read from the queues' event streams (a manager's
 * {@code events()}). What a follower gets: every event the scripts recorded for the
 * queues it follows, in the order they happened per queue (so per task), at least once
 * from where it started or resumed, each with the {@link TaskEvent#cursor() cursor} to
 * resume after it; when a stream was trimmed past a follower's place (it fell behind by
 * more than {@code cleo.history.events.max-count} events, or {@code max-age}), a
 * {@link ObserverEvent#GAP} event says how many entries it missed, and it goes on from
 * the oldest entry left. Events arrive within about half a second ({@link #IDLE_POLL}) on
 * a follower thread, one per subscription. Needs history on.
 */
public final class TaskEventStreams {

	/** The longest a follower waits between two reads while nothing happens. */
	public static final Duration IDLE_POLL = EventFollower.IDLE_POLL;

	private final HistoryStore store;

	private final Supplier<List<String>> allQueues;

	private final boolean enabled;

	private final Duration timeout;

	/**
	 * Create the streams' reader.
	 * @param store where the streams are read
	 * @param allQueues the queues Redis knows
	 * @param enabled whether history (and so the streams) is recorded
	 * @param timeout how long one read may take
	 */
	public TaskEventStreams(HistoryStore store, Supplier<List<String>> allQueues, boolean enabled, Duration timeout) {
		this.store = store;
		this.allQueues = allQueues;
		this.enabled = enabled;
		this.timeout = timeout;
	}

	/**
	 * Follow every queue, including those that appear later, from now on.
	 * @param listener the listener
	 * @param types the events wanted; none means all
	 * @return the subscription; close it to stop
	 * @throws IllegalStateException when history is off
	 */
	public EventSubscription followAll(TaskEventListener listener, ObserverEvent... types) {
		checkEnabled();
		Objects.requireNonNull(listener, "listener must not be null");
		EventFollower follower = new EventFollower(this.store, this.allQueues::get, Map.of(),
				TaskEventBus.expand(types), listener, this.timeout);
		follower.startFromNow(this.allQueues.get());
		return follower;
	}

	/**
	 * Follow some queues, from now on or from a cursor an event (or
	 * {@link EventSubscription#cursor()}) gave.
	 * @param queues the queues
	 * @param cursor where to go on, or {@code null} for from now on; a queue the cursor
	 * does not name is followed from now on
	 * @param listener the listener
	 * @param types the events wanted; none means all
	 * @return the subscription; close it to stop
	 * @throws IllegalStateException when history is off
	 * @throws InvalidTaskOptionException for an invalid queue name or cursor, or more
	 * than 1,000 queues
	 */
	public EventSubscription follow(Collection<String> queues, String cursor, TaskEventListener listener,
			ObserverEvent... types) {
		checkEnabled();
		Objects.requireNonNull(listener, "listener must not be null");
		if (queues.isEmpty() || queues.size() > 1_000) {
			throw new InvalidTaskOptionException("follow 1 to 1000 queues, not " + queues.size());
		}
		List<String> followed = List.copyOf(queues);
		followed.forEach(Names::checkQueue);
		Map<String, FollowCursor.Position> start = new LinkedHashMap<>();
		if (cursor != null) {
			FollowCursor.decode(cursor).forEach((queue, position) -> {
				if (followed.contains(queue)) {
					start.put(queue, position);
				}
			});
		}
		Set<ObserverEvent> wanted = TaskEventBus.expand(types);
		EventFollower follower = new EventFollower(this.store, () -> followed, start, wanted, listener, this.timeout);
		follower.startFromNow(followed);
		return follower;
	}

	private void checkEnabled() {
		if (!this.enabled) {
			throw new IllegalStateException(
					"Events of other instances are read from the queues' event streams, which history writes: "
							+ "history is off (cleo.history.enabled=false)");
		}
	}

}
