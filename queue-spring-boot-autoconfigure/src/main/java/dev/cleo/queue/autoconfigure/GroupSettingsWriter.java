/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Map;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.group.GroupRateLimit;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Writes each queue's {@code cleo.queues.<name>.groups.*} settings to Redis once every
 * bean exists, so before any pool starts taking tasks (pools start with the context); a
 * value out of range fails the start naming the property, and one that differs from what
 * Redis holds is logged first ({@link StoredGroupSettings}).
 */
final class GroupSettingsWriter implements SmartInitializingSingleton {

	private final QueueManager manager;

	private final Map<String, QueueOverrides> queues;

	GroupSettingsWriter(QueueManager manager, Map<String, QueueOverrides> queues) {
		this.manager = manager;
		this.queues = queues;
	}

	@Override
	public void afterSingletonsInstantiated() {
		QueueManager manager = this.manager;
		this.queues.forEach((queue, overrides) -> {
			GroupProperties groups = overrides.getGroups();
			String prefix = "cleo.queues." + queue + ".groups.";
			StoredGroupSettings.warnOnDifferences(manager.groups(queue), prefix, groups);
			if (groups.getConcurrency() != null) {
				apply(prefix + "concurrency", () -> manager.groups(queue).setConcurrency(groups.getConcurrency()));
			}
			groups.getPriorities()
				.forEach((group, priority) -> apply(prefix + "priorities." + group,
						() -> manager.groups(queue).group(group).setPriority(priority)));
			if (groups.getHoldForRetries() != null) {
				manager.groups(queue).setHeldForRetries(groups.getHoldForRetries());
			}
			if (groups.getStrategy() != null) {
				manager.groups(queue).setStrategy(groups.getStrategy());
			}
			if (groups.getOrder() != null) {
				apply(prefix + "order", () -> manager.groups(queue).setOrder(groups.getOrder()));
			}
			if (groups.getMaxSize() != null) {
				apply(prefix + "max-size", () -> manager.groups(queue).setMaxSize(groups.getMaxSize()));
			}
			if (groups.getOverflow() != null) {
				manager.groups(queue).setOverflow(groups.getOverflow());
			}
			if (groups.getRateLimit().isSet()) {
				apply(prefix + "rate-limit",
						() -> manager.groups(queue).setRateLimit(rateLimit(groups.getRateLimit())));
			}
			groups.getOverrides().forEach((group, override) -> {
				String groupPrefix = prefix + "overrides." + group + ".";
				if (override.getMaxSize() != null) {
					apply(groupPrefix + "max-size",
							() -> manager.groups(queue).group(group).setMaxSize(override.getMaxSize()));
				}
				if (override.getRateLimit().isSet()) {
					apply(groupPrefix + "rate-limit",
							() -> manager.groups(queue).group(group).setRateLimit(rateLimit(override.getRateLimit())));
				}
			});
		});
	}

	private static GroupRateLimit rateLimit(GroupProperties.RateLimit properties) {
		if (properties.getTasks() == null || properties.getPeriod() == null) {
			throw new InvalidTaskOptionException("a group rate limit needs both tasks and period, was tasks="
					+ properties.getTasks() + ", period=" + properties.getPeriod());
		}
		return GroupRateLimit.of(properties.getTasks(), properties.getPeriod());
	}

	private static void apply(String property, Runnable write) {
		try {
			write.run();
		}
		catch (InvalidTaskOptionException ex) {
			throw new IllegalStateException(property + ": " + ex.getMessage(), ex);
		}
	}

}
