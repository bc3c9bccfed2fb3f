/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.Duration;
import java.util.Optional;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskPriority;
import dev.cleo.queue.annotation.DefaultOptions;
import dev.cleo.queue.annotation.RetryBackoff;
import dev.cleo.queue.annotation.Task;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.MergedAnnotation;

/**
 * Applies the option attributes that {@link Task @Task} and
 * {@link DefaultOptions @DefaultOptions} share to resolved options; unset attributes
 * leave the inherited value alone. Durations are read with their placeholders resolved.
 */
final class AnnotatedOptions {

	private AnnotatedOptions() {
	}

	/**
	 * Apply one annotation's attributes.
	 * @param options the inherited options
	 * @param annotation a {@code @Task} or {@code @DefaultOptions}
	 * @param text reads the annotation's String attributes
	 * @return the options with the attributes it sets
	 * @throws IllegalArgumentException when an attribute is not valid, naming it
	 */
	static TaskOptions apply(TaskOptions options, MergedAnnotation<?> annotation, Text text) {
		TaskOptions result = priority(options, annotation);
		int retries = annotation.getInt("retries");
		result = (retries >= 0) ? result.maxAttempts(retries + 1) : result;
		result = duration(annotation, "timeout", text).map(result::timeout).orElse(result);
		result = duration(annotation, "ttl", text).map(result::ttl).orElse(result);
		result = annotation.getBoolean("notifyOnFinish") ? result.notifyOnFinish(true) : result;
		MergedAnnotation<RetryBackoff>[] backoff = annotation.getAnnotationArray("backoff", RetryBackoff.class);
		if (backoff.length > 1) {
			throw new IllegalArgumentException("backoff takes at most one @RetryBackoff");
		}
		return (backoff.length == 1) ? result.backoff(backoff(result.backoff(), backoff[0], text)) : result;
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

	private static Backoff backoff(Backoff inherited, MergedAnnotation<RetryBackoff> spec, Text text) {
		RetryBackoff.Type type = spec.getEnum("type", RetryBackoff.Type.class);
		Boolean exponential = (type != RetryBackoff.Type.INHERIT) ? type == RetryBackoff.Type.EXPONENTIAL : null;
		double jitter = spec.getDouble("jitter");
		BackoffSpec override = new BackoffSpec(exponential, duration(spec, "delay", text).orElse(null),
				duration(spec, "maxDelay", text).orElse(null), (jitter >= 0) ? jitter : null);
		return BackoffSpec.of(inherited).overriddenBy(override).toBackoff();
	}

	private static Optional<Duration> duration(MergedAnnotation<?> annotation, String attribute, Text attributes) {
		String text = attributes.get(annotation, attribute);
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

	/** Reads a String attribute of an annotation, its placeholders resolved. */
	@FunctionalInterface
	interface Text {

		/**
		 * @param annotation the annotation
		 * @param attribute the attribute's name
		 * @return the resolved text, trimmed; empty when unset
		 */
		String get(MergedAnnotation<?> annotation, String attribute);

	}

}
