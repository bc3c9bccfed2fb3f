/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.Texts;
import dev.cleo.queue.group.GroupRateLimit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Writes each queue's {@code cleo.queues.<name>.groups.*} settings to Redis once every
 * bean exists, so before any pool starts taking tasks (pools start with the context); a
 * value out of range fails the start naming the property, and one that differs from what
 * Redis holds is logged first ({@link StoredGroupSettings}).
 * <p>
 * While the context runs, it looks every minute whether Redis still holds the settings of
 * those queues, and writes them again when it lost them all (a restart without
 * persistence, a failover to an empty replica). Only a queue without any stored setting
 * is written again, so a change made at run time (through {@code QueueManager} or
 * Actuator) is never undone.
 */
final class GroupSettingsWriter implements SmartInitializingSingleton, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(GroupSettingsWriter.class);

	private static final Duration RESTORE_INTERVAL = Duration.ofMinutes(1);

	private final QueueManager manager;

	private final Map<String, QueueOverrides> queues;

	private final Duration restoreInterval;

	private final ScheduledExecutorService restorer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "cleo-group-settings");
		thread.setDaemon(true);
		return thread;
	});

	GroupSettingsWriter(QueueManager manager, Map<String, QueueOverrides> queues) {
		this(manager, queues, RESTORE_INTERVAL);
	}

	GroupSettingsWriter(QueueManager manager, Map<String, QueueOverrides> queues, Duration restoreInterval) {
		this.manager = manager;
		this.queues = queues;
		this.restoreInterval = restoreInterval;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.queues.forEach((queue, overrides) -> {
			GroupProperties groups = overrides.getGroups();
			StoredGroupSettings.warnOnDifferences(this.manager.groups(queue), prefix(queue), groups);
			write(queue, groups);
		});
		if (this.queues.values().stream().anyMatch((overrides) -> overrides.getGroups().isSet())) {
			long millis = this.restoreInterval.toMillis();
			this.restorer.scheduleWithFixedDelay(this::restoreLost, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void destroy() {
		this.restorer.shutdownNow();
	}

	/** Write again the settings of each queue for which Redis holds none. */
	void restoreLost() {
		this.queues.forEach((queue, overrides) -> {
			GroupProperties groups = overrides.getGroups();
			try {
				if (!groups.isSet() || this.manager.groups(queue).hasStoredSettings()) {
					return;
				}
				write(queue, groups);
				// Settings equal to the defaults store nothing: no news then.
				if (this.manager.groups(queue).hasStoredSettings()) {
					logger.warn("Wrote the group settings of queue {} (cleo.queues.{}.groups.*) again: Redis no "
							+ "longer held them (restarted without persistence, or failed over to an empty replica?)",
							Texts.quote(queue), queue);
				}
			}
			catch (RuntimeException ex) {
				// Redis away: the next look tries again.
				logger.debug("Could not look at the group settings of queue {}: {}", Texts.quote(queue),
						ex.getMessage());
			}
		});
	}

	private static String prefix(String queue) {
		return "cleo.queues." + queue + ".groups.";
	}

	private void write(String queue, GroupProperties groups) {
		QueueManager manager = this.manager;
		String prefix = prefix(queue);
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
			apply(prefix + "rate-limit", () -> manager.groups(queue).setRateLimit(rateLimit(groups.getRateLimit())));
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
