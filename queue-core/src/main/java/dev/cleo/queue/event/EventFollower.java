/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.redis.HistoryStore;
import dev.cleo.queue.redis.HistoryStore.StreamEntry;
import dev.cleo.queue.redis.RedisCalls;

/**
 * Follows queues' event streams on a thread of its own and hands their events to one
 * listener, in stream order per queue. It reads each queue with {@code XRANGE} after its
 * place (Cluster-safe: one key per read), at once again while entries come, and backs off
 * to {@link #IDLE_POLL} while none do. A jump in an entry's sequence number means the
 * stream was trimmed past the follower's place: a {@code GAP} event says how many entries
 * were missed, before the events that follow.
 */
final class EventFollower implements EventSubscription, Runnable {

	/** The longest pause between reads while nothing comes. */
	static final Duration IDLE_POLL = Duration.ofMillis(500);

	private static final Duration FIRST_POLL = Duration.ofMillis(20);

	private static final int BATCH = 200;

	private static final Logger logger = LoggerFactory.getLogger(EventFollower.class);

	private final HistoryStore store;

	private final Supplier<Collection<String>> queues;

	private final Set<ObserverEvent> types;

	private final TaskEventListener listener;

	private final Duration timeout;

	/** Guarded by itself; the follower thread writes, {@link #cursor()} reads. */
	private final Map<String, FollowCursor.Position> positions;

	/** Queues whose first entry is to be read from within (a cursor pointed into it). */
	private final Set<String> resumeInside;

	private final Thread thread;

	private volatile boolean closed;

	EventFollower(HistoryStore store, Supplier<Collection<String>> queues, Map<String, FollowCursor.Position> start,
			Set<ObserverEvent> types, TaskEventListener listener, Duration timeout) {
		this.store = store;
		this.queues = queues;
		this.types = types;
		this.listener = listener;
		this.timeout = timeout;
		this.positions = new LinkedHashMap<>(start);
		this.resumeInside = new HashSet<>();
		start.forEach((queue, position) -> {
			if (position.line() >= 0) {
				this.resumeInside.add(queue);
			}
		});
		this.thread = new Thread(this, "cleo-event-follower");
		this.thread.setDaemon(true);
	}

	/**
	 * Take each queue's newest entry as the place to follow from, so that only what comes
	 * from now on is delivered; then start the thread.
	 */
	void startFromNow(Collection<String> from) {
		for (String queue : from) {
			this.positions.putIfAbsent(queue, latest(queue));
		}
		this.thread.start();
	}

	@Override
	public void run() {
		long pause = FIRST_POLL.toNanos();
		while (!this.closed) {
			boolean read = false;
			try {
				for (String queue : this.queues.get()) {
					if (this.closed) {
						return;
					}
					read |= follow(queue);
				}
				pause = read ? FIRST_POLL.toNanos() : Math.min(pause * 2, IDLE_POLL.toNanos());
			}
			catch (QueueException ex) {
				logger.debug("Could not read the event streams: {}", ex.getMessage());
				pause = IDLE_POLL.toNanos();
			}
			if (!read) {
				LockSupport.parkNanos(pause);
			}
		}
	}

	/** Deliver what came on one queue since the last read; true when something came. */
	private boolean follow(String queue) {
		FollowCursor.Position position;
		synchronized (this.positions) {
			position = this.positions.get(queue);
		}
		if (position == null) {
			// A queue that appeared since: followed from its newest entry on.
			synchronized (this.positions) {
				this.positions.put(queue, latest(queue));
			}
			return false;
		}
		if (this.resumeInside.remove(queue)) {
			List<StreamEntry> same = await(this.store.eventsBefore(queue, position.entryId(), true, 0, 1));
			if (!same.isEmpty() && same.get(0).id().equals(position.entryId())) {
				deliver(queue, same.get(0), position.line() + 1);
			}
		}
		List<StreamEntry> entries = await(this.store.eventsAfter(queue, position(queue).entryId(), BATCH));
		for (StreamEntry entry : entries) {
			if (this.closed) {
				return true;
			}
			long known = position(queue).sequence();
			if (known > 0 && entry.sequence() > known + 1) {
				gap(queue, entry, entry.sequence() - known - 1);
			}
			deliver(queue, entry, 0);
		}
		return !entries.isEmpty();
	}

	private void deliver(String queue, StreamEntry entry, int fromLine) {
		String[] lines = entry.lines().isEmpty() ? new String[0] : entry.lines().split("\n");
		Instant at = Instant.ofEpochMilli(entry.millis());
		for (int i = fromLine; i < lines.length; i++) {
			FollowCursor.Position after = new FollowCursor.Position(entry.id(), i, entry.sequence());
			String cursor = advance(queue, after);
			for (TaskEvent event : StreamEvents.of(queue, lines[i], at, cursor)) {
				publish(event);
			}
		}
		advance(queue,
				new FollowCursor.Position(entry.id(), Math.max(lines.length - 1, fromLine - 1), entry.sequence()));
	}

	private void gap(String queue, StreamEntry next, long missed) {
		publish(new TaskEvent(ObserverEvent.GAP, queue, null, null, 0, Instant.ofEpochMilli(next.millis()),
				Long.toString(missed), null, null, null, cursor()));
	}

	private void publish(TaskEvent event) {
		if (this.closed || !this.types.contains(event.type())) {
			return;
		}
		try {
			this.listener.onEvent(event);
		}
		catch (Exception ex) {
			logger.warn("Task event listener {} failed on {} of queue {}", this.listener, event.type(), event.queue(),
					ex);
		}
	}

	private String advance(String queue, FollowCursor.Position position) {
		synchronized (this.positions) {
			this.positions.put(queue, position);
			return FollowCursor.encode(this.positions);
		}
	}

	private FollowCursor.Position position(String queue) {
		synchronized (this.positions) {
			return this.positions.get(queue);
		}
	}

	private FollowCursor.Position latest(String queue) {
		List<StreamEntry> newest = await(this.store.eventsBefore(queue, null, true, 0, 1));
		if (newest.isEmpty()) {
			return FollowCursor.Position.START;
		}
		StreamEntry entry = newest.get(0);
		int lines = entry.lines().isEmpty() ? 0 : entry.lines().split("\n").length;
		return new FollowCursor.Position(entry.id(), lines - 1, entry.sequence());
	}

	private <T> T await(CompletableFuture<T> call) {
		return RedisCalls.await(call, this.timeout, "read the event streams");
	}

	@Override
	public String cursor() {
		synchronized (this.positions) {
			return FollowCursor.encode(this.positions);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		LockSupport.unpark(this.thread);
		if (Thread.currentThread() == this.thread) {
			return;
		}
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
