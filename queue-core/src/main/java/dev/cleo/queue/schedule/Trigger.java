/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import dev.cleo.queue.Texts;

/**
 * When a schedule's ticks fall: a cron expression in a zone, a fixed rate, or a fixed
 * delay after the previous run ends. Immutable; factories reject a bad value at once with
 * an {@link InvalidScheduleException} naming it and what is accepted.
 */
public final class Trigger {

	private static final Duration MIN_PERIOD = Duration.ofMillis(10);

	private static final Duration MAX_PERIOD = Duration.ofDays(365);

	/** What kind of trigger. */
	public enum Kind {

		/** A cron expression in a zone. */
		CRON,
		/** Ticks a fixed period apart. */
		FIXED_RATE,
		/** A run a fixed delay after the previous run ended. */
		FIXED_DELAY

	}

	private final Kind kind;

	private final CronTicks cron;

	private final Duration period;

	private Trigger(Kind kind, CronTicks cron, Duration period) {
		this.kind = kind;
		this.cron = cron;
		this.period = period;
	}

	/**
	 * A cron expression in UTC, its format detected by its number of fields.
	 * @param expression the expression
	 * @return the trigger
	 * @throws InvalidScheduleException when it cannot be read or never fires
	 */
	public static Trigger cron(String expression) {
		return cron(expression, ZoneOffset.UTC, CronFormat.AUTO);
	}

	/**
	 * A cron expression in a zone, its format detected by its number of fields.
	 * @param expression the expression
	 * @param zone the zone its times are read in
	 * @return the trigger
	 * @throws InvalidScheduleException when it cannot be read or never fires
	 */
	public static Trigger cron(String expression, ZoneId zone) {
		return cron(expression, zone, CronFormat.AUTO);
	}

	/**
	 * A cron expression in a zone and format.
	 * @param expression the expression
	 * @param zone the zone its times are read in (daylight saving changes apply as
	 * cron-utils defines them: a time that does not exist that day is skipped, a time
	 * that happens twice fires once)
	 * @param format the format, or {@link CronFormat#AUTO}
	 * @return the trigger
	 * @throws InvalidScheduleException when it cannot be read or never fires
	 */
	public static Trigger cron(String expression, ZoneId zone, CronFormat format) {
		Objects.requireNonNull(zone, "zone must not be null");
		Objects.requireNonNull(format, "format must not be null");
		return new Trigger(Kind.CRON, CronTicks.parse(expression, zone, format), null);
	}

	/**
	 * Ticks a fixed period apart, the first one period after the schedule is registered.
	 * @param period from 10 ms to 365 days
	 * @return the trigger
	 */
	public static Trigger fixedRate(Duration period) {
		return new Trigger(Kind.FIXED_RATE, null, checkPeriod("fixed rate", period));
	}

	/**
	 * A run a fixed delay after the previous run ended (completed, dead, expired or
	 * cancelled), the first one delay after the schedule is registered.
	 * @param delay from 10 ms to 365 days
	 * @return the trigger
	 */
	public static Trigger fixedDelay(Duration delay) {
		return new Trigger(Kind.FIXED_DELAY, null, checkPeriod("fixed delay", delay));
	}

	private static Duration checkPeriod(String what, Duration period) {
		if (period == null || period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0) {
			throw new InvalidScheduleException(what + " must be between 10 ms and 365 days, was " + period);
		}
		return period;
	}

	/**
	 * @return the kind of trigger
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * @return the cron expression, or {@code null} for a fixed rate or delay
	 */
	public String expression() {
		return (this.cron != null) ? this.cron.expression() : null;
	}

	/**
	 * @return the cron zone, or {@code null} for a fixed rate or delay
	 */
	public ZoneId zone() {
		return (this.cron != null) ? this.cron.zone() : null;
	}

	/**
	 * @return the format the cron expression was read in (never {@code AUTO}), or
	 * {@code null} for a fixed rate or delay
	 */
	public CronFormat format() {
		return (this.cron != null) ? this.cron.format() : null;
	}

	/**
	 * @return the period of a fixed rate or delay, or {@code null} for cron
	 */
	public Duration period() {
		return this.period;
	}

	/**
	 * The first tick strictly after a time. For a fixed rate or delay that is one period
	 * later.
	 * @param time the time
	 * @return the next tick
	 * @throws IllegalStateException when a cron expression has no later tick
	 */
	public Instant nextAfter(Instant time) {
		return Instant.ofEpochMilli(next(time.toEpochMilli()));
	}

	long next(long millis) {
		return (this.cron != null) ? this.cron.next(millis) : millis + this.period.toMillis();
	}

	/**
	 * The latest {@code max} ticks from {@code first} (a tick) to {@code now}, oldest
	 * first; never empty when {@code first <= now}. Cron ticks are found going forward,
	 * so they are exactly the ones {@link #next} gives (cron-utils' backward search may
	 * return a time that {@code next} skips, such as the repeated hour of a daylight
	 * saving change); the backward search only finds where to start.
	 */
	List<Long> recent(long first, long now, int max) {
		Deque<Long> ticks = new ArrayDeque<>(max + 1);
		long from = first;
		if (this.cron != null) {
			long back = this.cron.latest(now);
			for (int i = 0; i <= max && back > first; i++) {
				back = this.cron.previous(back);
			}
			from = Math.max(back, first);
		}
		else {
			long period = this.period.toMillis();
			from = Math.max(first, first + ((now - first) / period - max) * period);
		}
		if (from == first) {
			ticks.add(first);
		}
		for (long tick = next(from); tick <= now; tick = next(tick)) {
			ticks.add(tick);
			if (ticks.size() > max) {
				ticks.removeFirst();
			}
		}
		return List.copyOf(ticks);
	}

	/**
	 * The text stored in Redis: {@code cron|<format>|<zone>|<expression>},
	 * {@code rate|<ms>} or {@code delay|<ms>}.
	 * @return the encoded trigger
	 */
	public String encode() {
		return switch (this.kind) {
			case CRON -> "cron|" + this.cron.format() + "|" + this.cron.zone().getId() + "|" + this.cron.expression();
			case FIXED_RATE -> "rate|" + this.period.toMillis();
			case FIXED_DELAY -> "delay|" + this.period.toMillis();
		};
	}

	/**
	 * Read an encoded trigger.
	 * @param encoded the value of {@link #encode()}
	 * @return the trigger
	 * @throws InvalidScheduleException when it cannot be read
	 */
	public static Trigger decode(String encoded) {
		String[] parts = encoded.split("\\|", 4);
		try {
			return switch (parts[0]) {
				case "cron" -> cron(parts[3], ZoneId.of(parts[2]), CronFormat.valueOf(parts[1]));
				case "rate" -> fixedRate(Duration.ofMillis(Long.parseLong(parts[1])));
				case "delay" -> fixedDelay(Duration.ofMillis(Long.parseLong(parts[1])));
				default -> throw new InvalidScheduleException("unknown trigger " + Texts.quote(encoded));
			};
		}
		catch (RuntimeException ex) {
			if (ex instanceof InvalidScheduleException invalid) {
				throw invalid;
			}
			throw new InvalidScheduleException("unreadable trigger " + Texts.quote(encoded) + ": " + ex.getMessage());
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Trigger that) && encode().equals(that.encode());
	}

	@Override
	public int hashCode() {
		return encode().hashCode();
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case CRON -> "cron " + Texts.quote(this.cron.expression()) + " (" + this.cron.format() + ", "
					+ this.cron.zone() + ")";
			case FIXED_RATE -> "every " + this.period;
			case FIXED_DELAY -> this.period + " after each run";
		};
	}

}
