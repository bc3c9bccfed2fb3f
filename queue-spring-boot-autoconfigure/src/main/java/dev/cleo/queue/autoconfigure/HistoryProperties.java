/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;

import dev.cleo.queue.history.HistoryOptions;

/**
 * What is recorded of the tasks' lives ({@code cleo.history.*}), and how much of it Redis
 * keeps.
 */
public class HistoryProperties {

	/**
	 * Whether attempts, events and statistics are recorded. Off, the scripts write none
	 * of them and the history reads answer empty.
	 */
	private boolean enabled = true;

	/**
	 * The most characters of a failed attempt's error (class, message and trimmed stack
	 * trace) stored with the attempt and the task (200 to 64000).
	 */
	private int maxErrorLength = 4_000;

	private final Events events = new Events();

	private final Rollups rollups = new Rollups();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxErrorLength() {
		return this.maxErrorLength;
	}

	public void setMaxErrorLength(int maxErrorLength) {
		this.maxErrorLength = maxErrorLength;
	}

	public Events getEvents() {
		return this.events;
	}

	public Rollups getRollups() {
		return this.rollups;
	}

	/**
	 * The options these properties describe.
	 * @return the options
	 * @throws CleoStartupException when a value is out of its range
	 */
	HistoryOptions toOptions() {
		try {
			return new HistoryOptions(this.enabled, this.events.maxCount, this.events.maxAge, this.rollups.minute,
					this.rollups.hour, this.rollups.day, this.maxErrorLength);
		}
		catch (IllegalArgumentException ex) {
			throw new CleoStartupException(
					"A cleo.history property is out of range: " + ex.getMessage()
						.replace("streamMaxEvents", "cleo.history.events.max-count")
						.replace("streamMaxAge", "cleo.history.events.max-age")
						.replace("minuteRetention", "cleo.history.rollups.minute")
						.replace("hourRetention", "cleo.history.rollups.hour")
						.replace("dayRetention", "cleo.history.rollups.day")
						.replace("maxErrorLength", "cleo.history.max-error-length") + ".",
					"Set it within the range named, or remove it for the default.", ex);
		}
	}

	/**
	 * Each queue's event stream: one entry per script call that changed tasks (a batch of
	 * them), which followers on every instance read and from which recent attempts are
	 * listed.
	 */
	public static class Events {

		/**
		 * About the most events a queue's stream keeps (100 to 10000000): it is trimmed
		 * to about this many every 64 entries.
		 */
		private long maxCount = 100_000;

		/**
		 * The age after which stream entries are trimmed (1m to 30d).
		 */
		private Duration maxAge = Duration.ofDays(1);

		public long getMaxCount() {
			return this.maxCount;
		}

		public void setMaxCount(long maxCount) {
			this.maxCount = maxCount;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

	}

	/**
	 * How long the statistics rollups are kept, per tier.
	 */
	public static class Rollups {

		/**
		 * How long per-minute statistics are kept (1h to 7d).
		 */
		private Duration minute = Duration.ofHours(6);

		/**
		 * How long per-hour statistics are kept (1d to 90d).
		 */
		private Duration hour = Duration.ofDays(14);

		/**
		 * How long per-day statistics are kept (7d to 5 years).
		 */
		private Duration day = Duration.ofDays(400);

		public Duration getMinute() {
			return this.minute;
		}

		public void setMinute(Duration minute) {
			this.minute = minute;
		}

		public Duration getHour() {
			return this.hour;
		}

		public void setHour(Duration hour) {
			this.hour = hour;
		}

		public Duration getDay() {
			return this.day;
		}

		public void setDay(Duration day) {
			this.day = day;
		}

	}

}
