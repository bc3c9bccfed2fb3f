/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;

/**
 * What the fire script did.
 *
 * @param outcome what happened
 * @param next the schedule's next tick (ms) after the call, or -1 when it is gone
 * @param ids the task ids of the runs enqueued; for {@link Outcome#RUNNING} the id of the
 * run waited for
 */
public record FireResult(Outcome outcome, long next, List<String> ids) {

	/** What the fire script did. */
	public enum Outcome {

		/** The tick fired; {@code ids} may be empty when policies skipped every run. */
		FIRED,
		/** Another instance fired it, or it was paused or changed: read it again. */
		STALE,
		/** No such schedule. */
		GONE,
		/** Not due by Redis's clock. */
		NOT_DUE,
		/** A fixed delay waits for its last run to end. */
		RUNNING,
		/** A fixed delay's real due time (its last run's end plus the delay) is later. */
		MOVED

	}

	static FireResult of(List<Object> reply) {
		Outcome outcome = switch (((Long) reply.get(0)).intValue()) {
			case 1 -> Outcome.FIRED;
			case 0 -> Outcome.STALE;
			case -1 -> Outcome.GONE;
			case -2 -> Outcome.NOT_DUE;
			case 3 -> Outcome.RUNNING;
			default -> Outcome.MOVED;
		};
		long next = (reply.size() > 1 && reply.get(1) != null) ? (Long) reply.get(1) : -1;
		List<String> ids = reply.subList(Math.min(2, reply.size()), reply.size())
			.stream()
			.map(String.class::cast)
			.toList();
		return new FireResult(outcome, next, ids);
	}

}
