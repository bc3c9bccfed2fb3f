/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the lines of a queue's event stream entry (their layout is documented with
 * {@code RedisKeys}) into {@link TaskEvent}s, as the local bus would have told them.
 */
final class StreamEvents {

	private StreamEvents() {
	}

	/**
	 * The events of one line.
	 * @param queue the queue
	 * @param line the line
	 * @param at the entry's time
	 * @param cursor where a follower goes on after this line
	 * @return the events, in order (a failure that is retried gives FAILED, then RETRIED)
	 */
	static List<TaskEvent> of(String queue, String line, Instant at, String cursor) {
		String[] f = fields(line);
		List<TaskEvent> events = new ArrayList<>(2);
		switch (f[0]) {
			case "N" -> events.add(new TaskEvent(ObserverEvent.CREATED, queue, f[1], f[2], 0, at, null, null,
					blankToNull(f[3]), null, cursor));
			case "S" -> events.add(new TaskEvent(ObserverEvent.STARTED, queue, f[1], field(f, 5), number(f[2]), at,
					null, Duration.ofMillis(Long.parseLong(f[4])), null, f[3], cursor));
			case "P" -> events.add(new TaskEvent(ObserverEvent.PROGRESS, queue, f[1], field(f, 5), number(f[2]), at,
					f[4].isEmpty() ? f[3] : f[3] + " " + f[4], null, null, null, cursor));
			case "E" -> ended(queue, f, cursor, events);
			case "X" -> events.add(unstarted(ObserverEvent.EXPIRED, queue, f, at, cursor));
			case "C" -> events.add(unstarted(ObserverEvent.CANCELLED, queue, f, at, cursor));
			case "D" -> events.add(unstarted(ObserverEvent.DROPPED, queue, f, at, cursor));
			case "G" -> events.add(new TaskEvent(ObserverEvent.GROUP_CHANGE, queue, null, null, 0, at,
					joined(f[1], field(f, 3)), null, blankToNull(f[2]), null, cursor));
			case "Q" -> events.add(new TaskEvent(ObserverEvent.QUEUE_CHANGE, queue, null, null, 0, at,
					joined(f[1], field(f, 2)), null, null, null, cursor));
			default -> {
				// "R" (handed back: no attempt) and types of later versions tell no
				// event.
			}
		}
		return events;
	}

	/** {@code E id attempt outcome next name group worker started ended wait text}. */
	private static void ended(String queue, String[] f, String cursor, List<TaskEvent> events) {
		Instant ended = Instant.ofEpochMilli(Long.parseLong(f[9]));
		Duration ran = Duration.ofMillis(Math.max(0, Long.parseLong(f[9]) - Long.parseLong(f[8])));
		int attempt = number(f[2]);
		String group = blankToNull(f[6]);
		String detail = blankToNull(f[11]);
		switch (f[3]) {
			case "c" -> events.add(new TaskEvent(ObserverEvent.COMPLETED, queue, f[1], f[5], attempt, ended, detail,
					ran, group, f[7], cursor));
			case "k" -> events.add(new TaskEvent(ObserverEvent.CANCELLED, queue, f[1], f[5], attempt, ended, null, ran,
					group, f[7], cursor));
			default -> {
				events.add(new TaskEvent(ObserverEvent.FAILED, queue, f[1], f[5], attempt, ended, detail, ran, group,
						f[7], cursor));
				if ("r".equals(f[4])) {
					events.add(new TaskEvent(ObserverEvent.RETRIED, queue, f[1], f[5], attempt, ended, detail, ran,
							group, f[7], cursor));
				}
				else if ("d".equals(f[4])) {
					events.add(new TaskEvent(ObserverEvent.DEAD, queue, f[1], f[5], attempt, ended, detail, ran, group,
							f[7], cursor));
				}
			}
		}
	}

	/** {@code X|C|D id name group}. */
	private static TaskEvent unstarted(ObserverEvent type, String queue, String[] f, Instant at, String cursor) {
		return new TaskEvent(type, queue, f[1], f[2], 0, at, null, null, blankToNull(field(f, 3)), null, cursor);
	}

	private static String[] fields(String line) {
		return line.split("\u001f", -1);
	}

	private static String field(String[] f, int index) {
		return (index < f.length) ? f[index] : "";
	}

	private static int number(String text) {
		return text.isEmpty() ? 0 : Integer.parseInt(text);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	private static String joined(String operation, String detail) {
		return detail.isEmpty() ? operation : operation + " " + detail;
	}

}
