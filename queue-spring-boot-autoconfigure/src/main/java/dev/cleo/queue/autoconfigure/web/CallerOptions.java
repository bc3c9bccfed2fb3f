/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskPriority;

/**
 * Applies the options a caller gives ({@link JobOptions}) to those the application gives
 * the task, which bound them: the priority, retries, timeout and TTL the application
 * configures for the queue (or declares on the task method) are maxima a caller may lower
 * but not raise, so an over-limit value is refused (400, naming the maximum) rather than
 * silently clamped; {@code timeout: 0} (no limit) is refused where a timeout is
 * configured; delays and TTLs stay within {@code cleo.web.api.max-delay} and
 * {@code cleo.web.api.max-ttl}. A group or deduplication id may be given only where the
 * task's declaration gives none. Internal.
 */
final class CallerOptions {

	private final Duration maxDelay;

	private final Duration maxTtl;

	CallerOptions(Duration maxDelay, Duration maxTtl) {
		this.maxDelay = maxDelay;
		this.maxTtl = maxTtl;
	}

	/**
	 * Apply a caller's options.
	 * @param requested the options of the request, or {@code null}
	 * @param base what the application gives the task on its queue
	 * @return the options to enqueue with
	 * @throws ApiProblems.ApiProblemException 400 naming the option and its bound
	 */
	TaskOptions apply(@Nullable JobOptions requested, TaskOptions base) {
		if (requested == null) {
			return base;
		}
		TaskOptions options = base;
		if (requested.priority() != null) {
			options = options.priority(atMost("priority", priority(requested.priority()), base.priority()));
		}
		if (requested.maxRetries() != null) {
			int retries = atMost("maxRetries", atLeastZero("maxRetries", requested.maxRetries()),
					base.maxAttempts() - 1);
			options = options.maxAttempts(retries + 1);
		}
		options = (requested.timeout() != null) ? options.timeout(timeout(requested.timeout(), base)) : options;
		options = (requested.ttl() != null) ? options.ttl(ttl(requested.ttl(), base)) : options;
		if (requested.delay() != null) {
			options = options.delay(
					within("delay", atLeastZero("delay", requested.delay()), this.maxDelay, "cleo.web.api.max-delay"));
		}
		options = (requested.group() != null) ? options.group(unlessDeclared("group", base.group(), requested.group()))
				: options;
		return (requested.dedupeId() != null)
				? options.dedupeId(unlessDeclared("dedupeId", base.dedupeId(), requested.dedupeId())) : options;
	}

	private Duration timeout(long millis, TaskOptions base) {
		Duration configured = base.timeout();
		if (configured.isZero()) {
			return Duration.ofMillis(atLeastZero("timeout", millis));
		}
		if (millis <= 0 || millis > configured.toMillis()) {
			throw refused("timeout must be from 1 to " + configured.toMillis()
					+ " ms, the timeout this task is configured with (0, no limit, is not allowed), was " + millis);
		}
		return Duration.ofMillis(millis);
	}

	private Duration ttl(long millis, TaskOptions base) {
		if (millis < 1) {
			throw refused("ttl must be 1 ms or more, was " + millis);
		}
		if (base.ttl() != null && millis > base.ttl().toMillis()) {
			throw refused("ttl may be at most " + base.ttl().toMillis()
					+ " ms, the TTL this task is configured with, was " + millis);
		}
		return within("ttl", millis, this.maxTtl, "cleo.web.api.max-ttl");
	}

	private static Duration within(String option, long millis, Duration max, String property) {
		if (millis > max.toMillis()) {
			throw refused(option + " may be at most " + max.toMillis() + " ms (" + property + "), was " + millis);
		}
		return Duration.ofMillis(millis);
	}

	private static int priority(JsonNode node) {
		if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= TaskPriority.MIN
				&& node.intValue() <= TaskPriority.MAX) {
			return node.intValue();
		}
		if (node.isString()) {
			for (TaskPriority named : TaskPriority.values()) {
				if (named.name().equals(node.stringValue().toUpperCase(Locale.ROOT))) {
					return named.value();
				}
			}
		}
		throw refused("priority must be \"high\", \"normal\", \"low\" or a number from " + TaskPriority.MIN + " to "
				+ TaskPriority.MAX);
	}

	private static int atMost(String option, int value, int max) {
		if (value > max) {
			throw refused(option + " may be at most " + max + " for this task, as the application configures it, was "
					+ value);
		}
		return value;
	}

	private static <N extends Number> N atLeastZero(String option, N value) {
		if (value.longValue() < 0) {
			throw refused(option + " must be zero or more, was " + value);
		}
		return value;
	}

	private static String unlessDeclared(String option, @Nullable String declared, String requested) {
		if (declared != null) {
			throw refused(option + " is set by the declaration of this task and cannot be given");
		}
		return requested;
	}

	private static ApiProblems.ApiProblemException refused(String detail) {
		return ApiProblems.badRequest("Invalid option", detail);
	}

}
