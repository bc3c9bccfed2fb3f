/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a task is enqueued and retried. Immutable: each {@code with}-style method returns a
 * copy, and rejects a value outside its range at once with an
 * {@link InvalidTaskOptionException} that names the option and the allowed values.
 *
 * <pre>{@code
 * TaskOptions.defaults().queue("emails").priority(TaskPriority.HIGH).maxAttempts(5)
 *     .backoff(Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2));
 * }</pre>
 */
public final class TaskOptions {

	/** The queue used when none is named. */
	public static final String DEFAULT_QUEUE = "default";

	private static final Duration MAX_TIMEOUT = Duration.ofDays(7);

	private static final Duration MAX_TTL = Duration.ofDays(365);

	private static final Duration MAX_DELAY = Duration.ofDays(365);

	private static final TaskOptions DEFAULTS = new TaskOptions(DEFAULT_QUEUE, TaskPriority.NORMAL.value(), null, null,
			3, Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2), Duration.ZERO, null, null,
			Duration.ofHours(1));

	private String queue;

	private int priority;

	private Duration delay;

	private Instant runAt;

	private int maxAttempts;

	private Backoff backoff;

	private Duration timeout;

	private Duration ttl;

	private String dedupeId;

	private Duration dedupeWindow;

	private String group;

	private boolean notifyOnFinish;

	private TaskOptions(String queue, int priority, Duration delay, Instant runAt, int maxAttempts, Backoff backoff,
			Duration timeout, Duration ttl, String dedupeId, Duration dedupeWindow) {
		this.queue = queue;
		this.priority = priority;
		this.delay = delay;
		this.runAt = runAt;
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
		this.timeout = timeout;
		this.ttl = ttl;
		this.dedupeId = dedupeId;
		this.dedupeWindow = dedupeWindow;
	}

	private TaskOptions copy() {
		TaskOptions copy = new TaskOptions(this.queue, this.priority, this.delay, this.runAt, this.maxAttempts,
				this.backoff, this.timeout, this.ttl, this.dedupeId, this.dedupeWindow);
		copy.group = this.group;
		copy.notifyOnFinish = this.notifyOnFinish;
		return copy;
	}

	/**
	 * The defaults: queue {@value #DEFAULT_QUEUE}, normal priority, 3 attempts,
	 * exponential backoff from 1 s to 5 min with 20% jitter, no timeout, no TTL, no
	 * deduplication (window 1 h when an id is set).
	 * @return the default options
	 */
	public static TaskOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * The queue to enqueue on.
	 * @param queue 1 to 100 letters, digits, '.', '_' or '-'
	 * @return a copy with the queue
	 */
	public TaskOptions queue(String queue) {
		if (!Names.isQueue(queue)) {
			throw new InvalidTaskOptionException("queue: " + Names.invalidQueue(queue));
		}
		TaskOptions copy = copy();
		copy.queue = queue;
		return copy;
	}

	/**
	 * A named priority.
	 * @param priority the priority
	 * @return a copy with the priority
	 */
	public TaskOptions priority(TaskPriority priority) {
		return priority(Objects.requireNonNull(priority, "priority must not be null").value());
	}

	/**
	 * A numeric priority: higher runs first.
	 * @param priority from {@value TaskPriority#MIN} to {@value TaskPriority#MAX}
	 * @return a copy with the priority
	 */
	public TaskOptions priority(int priority) {
		if (priority < TaskPriority.MIN || priority > TaskPriority.MAX) {
			throw new InvalidTaskOptionException("priority must be between " + TaskPriority.MIN + " and "
					+ TaskPriority.MAX + " (or TaskPriority.LOW, NORMAL, HIGH), was " + priority);
		}
		TaskOptions copy = copy();
		copy.priority = priority;
		return copy;
	}

	/**
	 * Run no earlier than this long after the enqueue. Replaces a
	 * {@link #runAt(Instant)}.
	 * @param delay from zero to 365 days
	 * @return a copy with the delay
	 */
	public TaskOptions delay(Duration delay) {
		checkRange("delay", delay, Duration.ZERO, MAX_DELAY);
		TaskOptions copy = copy();
		copy.delay = delay;
		copy.runAt = null;
		return copy;
	}

	/**
	 * Run no earlier than this time. Replaces a {@link #delay(Duration)}.
	 * @param runAt the time; a past time means now
	 * @return a copy with the time
	 */
	public TaskOptions runAt(Instant runAt) {
		Objects.requireNonNull(runAt, "runAt must not be null");
		TaskOptions copy = copy();
		copy.delay = null;
		copy.runAt = runAt;
		return copy;
	}

	/**
	 * How many times the task may run before it is dead.
	 * @param maxAttempts from 1 to 1000
	 * @return a copy with the attempts
	 */
	public TaskOptions maxAttempts(int maxAttempts) {
		if (maxAttempts < 1 || maxAttempts > 1000) {
			throw new InvalidTaskOptionException("maxAttempts must be between 1 and 1000, was " + maxAttempts);
		}
		TaskOptions copy = copy();
		copy.maxAttempts = maxAttempts;
		return copy;
	}

	/**
	 * The wait between attempts.
	 * @param backoff the backoff
	 * @return a copy with the backoff
	 */
	public TaskOptions backoff(Backoff backoff) {
		Objects.requireNonNull(backoff, "backoff must not be null");
		TaskOptions copy = copy();
		copy.backoff = backoff;
		return copy;
	}

	/**
	 * The longest one attempt may run; the worker then interrupts it and counts a failed
	 * attempt.
	 * @param timeout from zero (no limit) to 7 days
	 * @return a copy with the timeout
	 */
	public TaskOptions timeout(Duration timeout) {
		checkRange("timeout", timeout, Duration.ZERO, MAX_TIMEOUT);
		TaskOptions copy = copy();
		copy.timeout = timeout;
		return copy;
	}

	/**
	 * Time to live: a task not started within this time of its enqueue expires instead of
	 * running.
	 * @param ttl from 1 ms to 365 days
	 * @return a copy with the TTL
	 */
	public TaskOptions ttl(Duration ttl) {
		checkRange("ttl", ttl, Duration.ofMillis(1), MAX_TTL);
		TaskOptions copy = copy();
		copy.ttl = ttl;
		return copy;
	}

	/**
	 * A deduplication id: within the window, a second enqueue with the same id on the
	 * same queue creates nothing and returns the first task.
	 * @param dedupeId 1 to 256 characters
	 * @return a copy with the id
	 */
	public TaskOptions dedupeId(String dedupeId) {
		if (dedupeId == null || dedupeId.isEmpty() || dedupeId.length() > 256) {
			throw new InvalidTaskOptionException("dedupeId must be 1 to 256 characters, was " + Texts.quote(dedupeId));
		}
		TaskOptions copy = copy();
		copy.dedupeId = dedupeId;
		return copy;
	}

	/**
	 * How long a deduplication id is remembered.
	 * @param window from 1 ms to 365 days
	 * @return a copy with the window
	 */
	public TaskOptions dedupeWindow(Duration window) {
		checkRange("dedupeWindow", window, Duration.ofMillis(1), MAX_TTL);
		TaskOptions copy = copy();
		copy.dedupeWindow = window;
		return copy;
	}

	/**
	 * The first time the task may run, given the enqueue time.
	 * @param now the enqueue time
	 * @return the time, never before {@code now}
	 */
	public Instant runAtFrom(Instant now) {
		if (this.runAt != null) {
			return this.runAt.isAfter(now) ? this.runAt : now;
		}
		return (this.delay != null) ? now.plus(this.delay) : now;
	}

	/**
	 * @return the queue
	 */
	public String queue() {
		return this.queue;
	}

	/**
	 * @return the numeric priority
	 */
	public int priority() {
		return this.priority;
	}

	/**
	 * @return the maximum number of attempts
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * @return the backoff between attempts
	 */
	public Backoff backoff() {
		return this.backoff;
	}

	/**
	 * @return the timeout of one attempt; zero means none
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * @return the time to live, or {@code null} for none
	 */
	public Duration ttl() {
		return this.ttl;
	}

	/**
	 * @return the deduplication id, or {@code null}
	 */
	public String dedupeId() {
		return this.dedupeId;
	}

	/**
	 * @return the deduplication window
	 */
	public Duration dedupeWindow() {
		return this.dedupeWindow;
	}

	/**
	 * Put the task in a group. A group runs at most
	 * {@link dev.cleo.queue.group.QueueGroups#setConcurrency the queue's group
	 * concurrency} of its tasks at once across all instances (1 by default: one at a
	 * time, in enqueue order), the groups of a queue take turns, and ungrouped tasks take
	 * turns with them. A task waiting for its retry holds its group until it ends.
	 * @param group the group name (1 to 200 characters, no control characters), or
	 * {@code null} for none
	 * @return new options
	 * @throws InvalidTaskOptionException when the name is not allowed
	 */
	public TaskOptions group(String group) {
		if (group != null) {
			Names.checkGroup(group);
		}
		TaskOptions copy = copy();
		copy.group = group;
		return copy;
	}

	/**
	 * Have Redis announce the moment the task ends, so that a
	 * {@link TaskHandle#completion()} on any instance completes at once instead of at its
	 * next periodic check. Costs one published message per task.
	 * @param notify whether to announce the end
	 * @return new options
	 */
	public TaskOptions notifyOnFinish(boolean notify) {
		TaskOptions copy = copy();
		copy.notifyOnFinish = notify;
		return copy;
	}

	/**
	 * @return the group, or {@code null}
	 */
	public String group() {
		return this.group;
	}

	/**
	 * @return whether Redis announces the task's end
	 */
	public boolean notifyOnFinish() {
		return this.notifyOnFinish;
	}

	private static void checkRange(String option, Duration value, Duration min, Duration max) {
		if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new InvalidTaskOptionException(option + " must be between " + min + " and " + max + ", was " + value);
		}
	}

}
