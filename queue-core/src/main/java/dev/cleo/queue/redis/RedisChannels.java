/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.Optional;

import dev.cleo.queue.Names;

/**
 * Builds and recognises every pub/sub channel Cleo uses, the one place their names are
 * written in Java (the scripts that publish build the same names from the queue's key
 * prefix). A channel is named like a key of its queue, {@code <prefix>:{<queue>}:<kind>},
 * so it carries the queue's hash tag; {@link RedisKeys} documents what each one carries.
 * <ul>
 * <li>{@code P:{Q}:finished}: the id of each task stored with {@code notify} as it
 * reaches a final state.</li>
 * <li>{@code P:{Q}:sched-wake}: a message whenever a schedule of the queue changes.</li>
 * </ul>
 */
public final class RedisChannels {

	private static final String FINISHED = "finished";

	private static final String SCHEDULE_WAKE = "sched-wake";

	private final RedisKeys keys;

	/**
	 * Create the channel names under the prefix of the given keys.
	 * @param keys the key builder
	 */
	public RedisChannels(RedisKeys keys) {
		this.keys = keys;
	}

	/**
	 * The channel that announces the end of the queue's tasks stored with notify.
	 * @param queue the queue
	 * @return {@code <prefix>:{<queue>}:finished}
	 */
	public String finished(String queue) {
		return this.keys.key(queue, FINISHED);
	}

	/**
	 * The channel the scripts publish on when a schedule of the queue changes.
	 * @param queue the queue
	 * @return {@code <prefix>:{<queue>}:sched-wake}
	 */
	public String scheduleWake(String queue) {
		return this.keys.key(queue, SCHEDULE_WAKE);
	}

	/**
	 * Whether a channel is the {@code finished} channel of a queue under this prefix.
	 * @param channel the channel a message came on
	 * @return true for a {@link #finished(String)} channel
	 */
	public boolean isFinished(String channel) {
		return queueOf(channel, FINISHED).isPresent();
	}

	/**
	 * Whether a channel is the schedule wake-up channel of a queue under this prefix.
	 * @param channel the channel a message came on
	 * @return true for a {@link #scheduleWake(String)} channel
	 */
	public boolean isScheduleWake(String channel) {
		return queueOf(channel, SCHEDULE_WAKE).isPresent();
	}

	/**
	 * The queue a channel of this prefix belongs to.
	 * @param channel the channel a message came on
	 * @return the queue, or empty when the channel is none of Cleo's under this prefix
	 */
	public Optional<String> queueOf(String channel) {
		return queueOf(channel, FINISHED).or(() -> queueOf(channel, SCHEDULE_WAKE));
	}

	private Optional<String> queueOf(String channel, String kind) {
		String start = this.keys.prefix() + ":{";
		String end = "}:" + kind;
		if (channel == null || !channel.startsWith(start) || !channel.endsWith(end)
				|| channel.length() <= start.length() + end.length()) {
			return Optional.empty();
		}
		String queue = channel.substring(start.length(), channel.length() - end.length());
		return Names.isQueue(queue) ? Optional.of(queue) : Optional.empty();
	}

}
