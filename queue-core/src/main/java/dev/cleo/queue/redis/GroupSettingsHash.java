/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.group.GroupSettings;
import dev.cleo.queue.redis.GroupSettingChange.Concurrency;
import dev.cleo.queue.redis.GroupSettingChange.HeldForRetries;
import dev.cleo.queue.redis.GroupSettingChange.MaxSize;
import dev.cleo.queue.redis.GroupSettingChange.Order;
import dev.cleo.queue.redis.GroupSettingChange.Overflow;
import dev.cleo.queue.redis.GroupSettingChange.OwnMaxSize;
import dev.cleo.queue.redis.GroupSettingChange.OwnPriority;
import dev.cleo.queue.redis.GroupSettingChange.OwnRateLimit;
import dev.cleo.queue.redis.GroupSettingChange.RateLimit;
import dev.cleo.queue.redis.GroupSettingChange.Strategy;

/**
 * Writes and reads a queue's group settings hash ({@code P:{Q}:gconf}, see
 * {@link RedisKeys}): the one place its field names and value formats are written in
 * Java. The scripts read the same fields ({@code includes/group-settings.lua} the
 * queue-wide ones, the others the per-group ones where they need them), and
 * {@code group-config.lua}, their one writer, stores what {@link #write} gives it.
 * Internal.
 */
final class GroupSettingsHash {

	static final String STRATEGY = "strategy";

	static final String ORDER = "order";

	static final String CONCURRENCY = "concurrency";

	static final String MAX_SIZE = "max-size";

	static final String OVERFLOW = "overflow";

	static final String RATE = "rate";

	static final String RETRY_HOLDS = "retry-holds";

	/**
	 * Set by {@code group-config.lua} once any group has a size or rate of its own, so
	 * the scripts look those up only then; never written or read from Java.
	 */
	static final String LIMITS = "limits";

	static final String OWN_PRIORITY = "priority:";

	static final String OWN_MAX_SIZE = "max-size:";

	static final String OWN_RATE = "rate:";

	/** The queue-wide fields {@link #read} reads, in one HMGET. */
	static final List<String> QUEUE_FIELDS = List.of(STRATEGY, ORDER, CONCURRENCY, MAX_SIZE, OVERFLOW, RATE,
			RETRY_HOLDS);

	/** The prefixes of a group's own fields, each followed by the group's name. */
	static final List<String> OWN_FIELDS = List.of(OWN_PRIORITY, OWN_MAX_SIZE, OWN_RATE);

	private GroupSettingsHash() {
	}

	/**
	 * The field and value that store a change; an empty value removes the field.
	 */
	static Entry write(GroupSettingChange change) {
		if (change instanceof Concurrency concurrency) {
			return new Entry(CONCURRENCY, Integer.toString(concurrency.concurrency()));
		}
		if (change instanceof Strategy strategy) {
			return new Entry(STRATEGY, strategy.strategy().name());
		}
		if (change instanceof Order order) {
			return new Entry(ORDER, order.order().name());
		}
		if (change instanceof MaxSize maxSize) {
			return new Entry(MAX_SIZE, Integer.toString(maxSize.maxSize()));
		}
		if (change instanceof Overflow overflow) {
			return new Entry(OVERFLOW, overflow.overflow().name());
		}
		if (change instanceof RateLimit rate) {
			return new Entry(RATE, encode(rate.limit()));
		}
		if (change instanceof HeldForRetries held) {
			return new Entry(RETRY_HOLDS, held.held() ? "1" : "0");
		}
		return writeOwn(change);
	}

	private static Entry writeOwn(GroupSettingChange change) {
		if (change instanceof OwnPriority priority) {
			return new Entry(OWN_PRIORITY + priority.group(), Integer.toString(priority.priority()));
		}
		if (change instanceof OwnMaxSize maxSize) {
			String value = (maxSize.maxSize() == -1) ? "" : Integer.toString(maxSize.maxSize());
			return new Entry(OWN_MAX_SIZE + maxSize.group(), value);
		}
		OwnRateLimit rate = (OwnRateLimit) change;
		return new Entry(OWN_RATE + rate.group(), encode(rate.limit()));
	}

	/**
	 * Settings from the {@link #QUEUE_FIELDS} that are set; an absent one is its default.
	 */
	static GroupSettings read(Map<String, String> stored) {
		String strategy = stored.get(STRATEGY);
		String order = stored.get(ORDER);
		String concurrency = stored.get(CONCURRENCY);
		String maxSize = stored.get(MAX_SIZE);
		String overflow = stored.get(OVERFLOW);
		return new GroupSettings(
				(strategy != null) ? GroupProcessingStrategy.valueOf(strategy) : GroupProcessingStrategy.ROUND_ROBIN,
				(order != null) ? GroupOrder.valueOf(order) : GroupOrder.FIFO,
				(concurrency != null) ? Integer.parseInt(concurrency) : 1,
				(maxSize != null) ? Integer.parseInt(maxSize) : 0,
				(overflow != null) ? GroupOverflow.valueOf(overflow) : GroupOverflow.FAIL, decode(stored.get(RATE)),
				!"0".equals(stored.get(RETRY_HOLDS)));
	}

	/**
	 * The rate limit that applies to a group: its own field's, else the queue's.
	 * @param own the group's {@link #OWN_RATE} field, or {@code null}
	 * @param queueWide the {@link #RATE} field, or {@code null}
	 */
	static GroupRateLimit rateLimit(String own, String queueWide) {
		return decode((own != null) ? own : queueWide);
	}

	/** {@code <tasks>/<period ms>}, the form the scripts read; "" (removed) for none. */
	private static String encode(GroupRateLimit limit) {
		return (limit != null) ? limit.tasks() + "/" + limit.period().toMillis() : "";
	}

	private static GroupRateLimit decode(String value) {
		if (value == null) {
			return null;
		}
		int slash = value.indexOf('/');
		return new GroupRateLimit(Integer.parseInt(value.substring(0, slash)),
				Duration.ofMillis(Long.parseLong(value.substring(slash + 1))));
	}

	/**
	 * One field of the hash and the value to store in it.
	 *
	 * @param field the field
	 * @param value the value, or "" to remove the field
	 */
	record Entry(String field, String value) {

	}

}
