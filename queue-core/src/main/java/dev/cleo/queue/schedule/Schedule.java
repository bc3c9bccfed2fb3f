/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Names;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.Texts;

/**
 * A recurring task: when it fires ({@link Trigger}), what it enqueues (a task name, a
 * payload and {@link TaskOptions}, whose queue is the schedule's queue), and what happens
 * to missed ticks and to ticks that come while the previous run is still going.
 * Immutable: each {@code with}-style method returns a copy and rejects a bad value at
 * once with an {@link InvalidScheduleException} naming the schedule and what is accepted.
 *
 * <pre>{@code
 * Schedule.cron("nightly-report", "0 30 2 * * *", ZoneId.of("Europe/Paris"))
 *     .task("render-report", new ReportRequest("daily"))
 *     .options(TaskOptions.defaults().queue("reports").maxAttempts(5))
 *     .misfire(MisfirePolicy.FIRE_ONCE)
 *     .overlap(OverlapPolicy.SKIP_IF_RUNNING);
 * }</pre>
 */
public final class Schedule {

	private static final int MAX_CATCH_UP = 1000;

	private final String name;

	private final Trigger trigger;

	private String taskName;

	private Object payload;

	private TaskOptions options = TaskOptions.defaults();

	private MisfirePolicy misfire = MisfirePolicy.FIRE_ONCE;

	private int catchUpMax = 100;

	private Duration misfireThreshold = Duration.ofMinutes(1);

	private OverlapPolicy overlap = OverlapPolicy.ALLOW;

	private Schedule(String name, Trigger trigger) {
		this.name = name;
		this.trigger = trigger;
		this.taskName = name;
	}

	private Schedule copy() {
		Schedule copy = new Schedule(this.name, this.trigger);
		copy.taskName = this.taskName;
		copy.payload = this.payload;
		copy.options = this.options;
		copy.misfire = this.misfire;
		copy.catchUpMax = this.catchUpMax;
		copy.misfireThreshold = this.misfireThreshold;
		copy.overlap = this.overlap;
		return copy;
	}

	/**
	 * A schedule on a trigger. It enqueues a task named like the schedule, with no
	 * payload and default options, until told otherwise.
	 * @param name 1 to 200 characters without control characters, unique within its queue
	 * @param trigger when it fires
	 * @return the schedule
	 */
	public static Schedule of(String name, Trigger trigger) {
		return new Schedule(checkName(name), Objects.requireNonNull(trigger, "trigger must not be null"));
	}

	/**
	 * A cron schedule in UTC, the format detected by the number of fields.
	 * @param name the schedule name
	 * @param expression the cron expression
	 * @return the schedule
	 */
	public static Schedule cron(String name, String expression) {
		return of(checkName(name), named(name, () -> Trigger.cron(expression)));
	}

	/**
	 * A cron schedule in a zone, the format detected by the number of fields.
	 * @param name the schedule name
	 * @param expression the cron expression
	 * @param zone the zone
	 * @return the schedule
	 */
	public static Schedule cron(String name, String expression, ZoneId zone) {
		return of(checkName(name), named(name, () -> Trigger.cron(expression, zone)));
	}

	/**
	 * A cron schedule in a zone and format.
	 * @param name the schedule name
	 * @param expression the cron expression
	 * @param zone the zone
	 * @param format the format
	 * @return the schedule
	 */
	public static Schedule cron(String name, String expression, ZoneId zone, CronFormat format) {
		return of(checkName(name), named(name, () -> Trigger.cron(expression, zone, format)));
	}

	/**
	 * A fixed-rate schedule.
	 * @param name the schedule name
	 * @param period from 10 ms to 365 days
	 * @return the schedule
	 */
	public static Schedule fixedRate(String name, Duration period) {
		return of(checkName(name), named(name, () -> Trigger.fixedRate(period)));
	}

	/**
	 * A fixed-delay schedule.
	 * @param name the schedule name
	 * @param delay from 10 ms to 365 days
	 * @return the schedule
	 */
	public static Schedule fixedDelay(String name, Duration delay) {
		return of(checkName(name), named(name, () -> Trigger.fixedDelay(delay)));
	}

	/**
	 * The task each tick enqueues.
	 * @param taskName the registered task name
	 * @param payload the payload, any value the serializer writes, or {@code null}
	 * @return a copy with the task
	 */
	public Schedule task(String taskName, Object payload) {
		Schedule copy = copy();
		copy.taskName = named(this.name, () -> Names.checkTask(taskName));
		copy.payload = payload;
		return copy;
	}

	/**
	 * The options of each enqueued task; their queue is the schedule's queue. A
	 * schedule's trigger decides when its tasks run and each tick is a task of its own,
	 * so a delay, a run-at time or a dedupe id is refused.
	 * @param options the options
	 * @return a copy with the options
	 */
	public Schedule options(TaskOptions options) {
		Objects.requireNonNull(options, "options must not be null");
		if (options.dedupeId() != null) {
			throw invalid("a dedupe id is not taken: each tick enqueues a task of its own");
		}
		if (!options.runAtFrom(Instant.EPOCH).equals(Instant.EPOCH)) {
			throw invalid("a delay or run-at time is not taken: the trigger decides when a task runs");
		}
		Schedule copy = copy();
		copy.options = options;
		return copy;
	}

	/**
	 * What to do with missed ticks; {@link MisfirePolicy#CATCH_UP} runs at most
	 * {@link #catchUpMax()} of them (100 unless set with {@link #catchUp(int)}).
	 * @param misfire the policy
	 * @return a copy with the policy
	 */
	public Schedule misfire(MisfirePolicy misfire) {
		Schedule copy = copy();
		copy.misfire = Objects.requireNonNull(misfire, "misfire must not be null");
		return copy;
	}

	/**
	 * Catch up on missed ticks: one run for each, the latest {@code max} of them.
	 * @param max from 1 to 1000
	 * @return a copy with {@link MisfirePolicy#CATCH_UP} and the maximum
	 */
	public Schedule catchUp(int max) {
		if (max < 1 || max > MAX_CATCH_UP) {
			throw invalid("the catch-up maximum must be between 1 and " + MAX_CATCH_UP + ", was " + max);
		}
		Schedule copy = misfire(MisfirePolicy.CATCH_UP);
		copy.catchUpMax = max;
		return copy;
	}

	/**
	 * How late a lone due tick may fire before it counts as missed (a tick is missed
	 * anyway once the next one is due).
	 * @param threshold from 100 ms to 7 days (default 1 minute)
	 * @return a copy with the threshold
	 */
	public Schedule misfireThreshold(Duration threshold) {
		if (threshold == null || threshold.toMillis() < 100 || threshold.compareTo(Duration.ofDays(7)) > 0) {
			throw invalid("the misfire threshold must be between 100 ms and 7 days, was " + threshold);
		}
		Schedule copy = copy();
		copy.misfireThreshold = threshold;
		return copy;
	}

	/**
	 * Whether a tick fires while the previous run has not ended.
	 * @param overlap the policy
	 * @return a copy with the policy
	 */
	public Schedule overlap(OverlapPolicy overlap) {
		Schedule copy = copy();
		copy.overlap = Objects.requireNonNull(overlap, "overlap must not be null");
		return copy;
	}

	/**
	 * @return the name, unique within the queue
	 */
	public String name() {
		return this.name;
	}

	/**
	 * @return the queue, that of the options
	 */
	public String queue() {
		return this.options.queue();
	}

	/**
	 * @return when it fires
	 */
	public Trigger trigger() {
		return this.trigger;
	}

	/**
	 * @return the task name each tick enqueues
	 */
	public String taskName() {
		return this.taskName;
	}

	/**
	 * @return the payload, or {@code null}
	 */
	public Object payload() {
		return this.payload;
	}

	/**
	 * @return the options of each task
	 */
	public TaskOptions options() {
		return this.options;
	}

	/**
	 * @return what happens to missed ticks
	 */
	public MisfirePolicy misfire() {
		return this.misfire;
	}

	/**
	 * @return the most missed ticks {@link MisfirePolicy#CATCH_UP} runs
	 */
	public int catchUpMax() {
		return this.catchUpMax;
	}

	/**
	 * @return how late a lone tick may fire before it counts as missed
	 */
	public Duration misfireThreshold() {
		return this.misfireThreshold;
	}

	/**
	 * @return whether ticks fire while the previous run goes on
	 */
	public OverlapPolicy overlap() {
		return this.overlap;
	}

	@Override
	public String toString() {
		return "Schedule " + Texts.quote(this.name) + " on queue " + Texts.quote(queue()) + ": " + this.trigger
				+ ", task " + Texts.quote(this.taskName);
	}

	private InvalidScheduleException invalid(String problem) {
		return new InvalidScheduleException("schedule " + Texts.quote(this.name) + ": " + problem);
	}

	private static String checkName(String name) {
		if (name == null || name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidScheduleException(
					"schedule name must be 1 to 200 characters without control characters, was " + Texts.quote(name));
		}
		return name;
	}

	/** Prefixes a problem found while building part of a schedule with its name. */
	private static <T> T named(String name, Supplier<T> part) {
		try {
			return part.get();
		}
		catch (InvalidTaskOptionException ex) {
			throw new InvalidScheduleException("schedule " + Texts.quote(name) + ": " + ex.getMessage());
		}
	}

}
