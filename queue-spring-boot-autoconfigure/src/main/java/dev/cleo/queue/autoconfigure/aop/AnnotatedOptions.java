/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.Duration;
import java.util.Optional;

import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskPriority;
import dev.cleo.queue.annotation.Backoff;
import dev.cleo.queue.annotation.Task;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.MergedAnnotation;

/**
 * Applies the option attributes that {@link Task @Task} and
 * {@link dev.cleo.queue.annotation.TaskOptions @TaskOptions} share to resolved options;
 * unset attributes leave the inherited value alone.
 */
final class AnnotatedOptions {

	private AnnotatedOptions() {
	}

	/**
	 * Apply one annotation's attributes.
	 * @param options the inherited options
	 * @param annotation a {@code @Task} or {@code @TaskOptions}
	 * @return the options with the attributes it sets
	 * @throws IllegalArgumentException when an attribute is not valid, naming it
	 */
	static TaskOptions apply(TaskOptions options, MergedAnnotation<?> annotation) {
		TaskOptions result = priority(options, annotation);
		int retries = annotation.getInt("retries");
		result = (retries >= 0) ? result.maxAttempts(retries + 1) : result;
		result = duration(annotation, "timeout").map(result::timeout).orElse(result);
		result = duration(annotation, "ttl").map(result::ttl).orElse(result);
		result = annotation.getBoolean("notifyOnFinish") ? result.notifyOnFinish(true) : result;
		MergedAnnotation<Backoff>[] backoff = annotation.getAnnotationArray("backoff", Backoff.class);
		if (backoff.length > 1) {
			throw new IllegalArgumentException("backoff takes at most one @Backoff");
		}
		return (backoff.length == 1) ? result.backoff(backoff(result.backoff(), backoff[0])) : result;
	}

	private static TaskOptions priority(TaskOptions options, MergedAnnotation<?> annotation) {
		TaskPriority[] named = annotation.getEnumArray("priority", TaskPriority.class);
		int value = annotation.getInt("priorityValue");
		if (named.length > 1 || (named.length == 1 && value >= 0)) {
			throw new IllegalArgumentException("set one priority: priority = TaskPriority.X or priorityValue = n");
		}
		if (named.length == 1) {
			return options.priority(named[0]);
		}
		return (value >= 0) ? options.priority(value) : options;
	}

	private static dev.cleo.queue.Backoff backoff(dev.cleo.queue.Backoff inherited, MergedAnnotation<Backoff> spec) {
		Backoff.Type type = spec.getEnum("type", Backoff.Type.class);
		Boolean exponential = (type != Backoff.Type.INHERIT) ? type == Backoff.Type.EXPONENTIAL : null;
		double jitter = spec.getDouble("jitter");
		BackoffSpec override = new BackoffSpec(exponential, duration(spec, "delay").orElse(null),
				duration(spec, "maxDelay").orElse(null), (jitter >= 0) ? jitter : null);
		return BackoffSpec.of(inherited).overriddenBy(override).toBackoff();
	}

	private static Optional<Duration> duration(MergedAnnotation<?> annotation, String attribute) {
		String text = annotation.getString(attribute).trim();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(DurationStyle.detectAndParse(text));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					attribute + " '" + text + "' is not a duration such as 500ms, 30s, 5m or PT5M", ex);
		}
	}

}
