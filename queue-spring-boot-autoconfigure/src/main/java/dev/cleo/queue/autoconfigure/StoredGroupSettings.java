/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.group.GroupSettings;
import dev.cleo.queue.group.QueueGroups;

/**
 * Warns, before {@link GroupSettingsWriter} writes a queue's yml group settings, about
 * each one that differs from what Redis holds: another application on the same prefix (or
 * an earlier start with other yml) wrote it, and every instance follows the last value
 * written. A stored value equal to the setting's default reads as never written, so a
 * first start on an empty Redis warns about nothing. Per-group priorities and sizes have
 * no typed reader and are not compared.
 */
final class StoredGroupSettings {

	private static final Logger logger = LoggerFactory.getLogger(StoredGroupSettings.class);

	/** What {@link QueueGroups#settings()} reads where no field is stored. */
	private static final GroupSettings DEFAULTS = new GroupSettings(GroupProcessingStrategy.ROUND_ROBIN,
			GroupOrder.FIFO, 1, 0, GroupOverflow.FAIL, null, true);

	private final String prefix;

	private final GroupSettings stored;

	private StoredGroupSettings(QueueGroups groups, String prefix) {
		this.prefix = prefix;
		this.stored = groups.settings();
	}

	/** Compare a queue's yml group settings with the stored ones (one read per queue). */
	static void warnOnDifferences(QueueGroups groups, String prefix, GroupProperties yml) {
		if (isEmpty(yml)) {
			return;
		}
		StoredGroupSettings settings = new StoredGroupSettings(groups, prefix);
		GroupSettings stored = settings.stored;
		settings.compare("concurrency", stored.concurrency(), yml.getConcurrency(), DEFAULTS.concurrency());
		settings.compare("strategy", stored.strategy(), yml.getStrategy(), DEFAULTS.strategy());
		settings.compare("order", stored.order(), yml.getOrder(), DEFAULTS.order());
		settings.compare("max-size", stored.maxSize(), yml.getMaxSize(), DEFAULTS.maxSize());
		settings.compare("overflow", stored.overflow(), yml.getOverflow(), DEFAULTS.overflow());
		settings.compare("hold-for-retries", stored.heldForRetries(), yml.getHoldForRetries(),
				DEFAULTS.heldForRetries());
		settings.compare("rate-limit", stored.rateLimit(), rateLimit(yml.getRateLimit()), null);
		yml.getOverrides().forEach((group, override) -> {
			GroupRateLimit own = rateLimit(override.getRateLimit());
			if (own != null) {
				GroupRateLimit applies = groups.group(group).rateLimit();
				// The queue's limit shows through where the group has none of its own.
				settings.compare("overrides." + group + ".rate-limit",
						Objects.equals(applies, stored.rateLimit()) ? null : applies, own, null);
			}
		});
	}

	/** Warn when a configured value differs from a stored one that is not the default. */
	private void compare(String setting, Object stored, Object configured, Object byDefault) {
		if (configured != null && stored != null && !stored.equals(byDefault) && !stored.equals(configured)) {
			logger.warn(
					"{}{}: Redis holds {}, written by another application on this key prefix (or an earlier"
							+ " start); this application writes {}, which every instance follows from now on",
					this.prefix, setting, text(stored), text(configured));
		}
	}

	private static String text(Object value) {
		return (value instanceof GroupRateLimit limit) ? limit.tasks() + " per " + limit.period() : value.toString();
	}

	/**
	 * The configured limit, or null when incomplete or invalid (the write then fails).
	 */
	private static GroupRateLimit rateLimit(GroupProperties.RateLimit properties) {
		try {
			return (properties.getTasks() != null && properties.getPeriod() != null)
					? GroupRateLimit.of(properties.getTasks(), properties.getPeriod()) : null;
		}
		catch (InvalidTaskOptionException ex) {
			return null;
		}
	}

	private static boolean isEmpty(GroupProperties yml) {
		return yml.getConcurrency() == null && yml.getStrategy() == null && yml.getOrder() == null
				&& yml.getMaxSize() == null && yml.getOverflow() == null && yml.getHoldForRetries() == null
				&& !yml.getRateLimit().isSet() && yml.getOverrides().isEmpty();
	}

}
