/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Map;

import dev.cleo.queue.GroupRateLimit;
import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueManager;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Writes each queue's {@code cleo.queues.<name>.groups.*} settings to Redis once every
 * bean exists, so before any pool starts taking tasks (pools start with the context); a
 * value out of range fails the start naming the property.
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
			if (groups.getConcurrency() != null) {
				apply(prefix + "concurrency", () -> manager.setGroupConcurrency(queue, groups.getConcurrency()));
			}
			groups.getPriorities()
				.forEach((group, priority) -> apply(prefix + "priorities." + group,
						() -> manager.setGroupPriority(queue, group, priority)));
			if (groups.getHoldForRetries() != null) {
				manager.setGroupHeldForRetries(queue, groups.getHoldForRetries());
			}
			if (groups.getStrategy() != null) {
				manager.setGroupProcessingStrategy(queue, groups.getStrategy());
			}
			if (groups.getOrder() != null) {
				apply(prefix + "order", () -> manager.setGroupOrder(queue, groups.getOrder()));
			}
			if (groups.getMaxSize() != null) {
				apply(prefix + "max-size", () -> manager.setGroupMaxSize(queue, groups.getMaxSize()));
			}
			if (groups.getOverflow() != null) {
				manager.setGroupOverflow(queue, groups.getOverflow());
			}
			if (groups.getRateLimit().isSet()) {
				apply(prefix + "rate-limit", () -> manager.setGroupRateLimit(queue, rateLimit(groups.getRateLimit())));
			}
			groups.getOverrides().forEach((group, override) -> {
				String groupPrefix = prefix + "overrides." + group + ".";
				if (override.getMaxSize() != null) {
					apply(groupPrefix + "max-size", () -> manager.setGroupMaxSize(queue, group, override.getMaxSize()));
				}
				if (override.getRateLimit().isSet()) {
					apply(groupPrefix + "rate-limit",
							() -> manager.setGroupRateLimit(queue, group, rateLimit(override.getRateLimit())));
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
