/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.InvalidTaskOptionException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

/**
 * {@code cleo.tasks}, split into each task's {@link TaskOverrides}. Task ids hold dots
 * ({@code NotificationService.sendEmail}), so Spring Boot binds the property flat, as it
 * binds {@code logging.level}; the option a key ends with tells where the id ends. Ids
 * match as relaxed binding matches names, ignoring case and dashes, so that
 * {@code CLEO_TASKS_NOTIFICATIONSERVICE_SENDEMAIL_RETRIES} reaches
 * {@code NotificationService.sendEmail}. Internal.
 */
final class PerTaskOverrides {

	/** The options a task may set, as their keys end. */
	static final List<String> OPTIONS = List.of("priority", "retries", "timeout", "ttl", "backoff.type",
			"backoff.delay", "backoff.max-delay", "backoff.jitter");

	private final Map<String, Entry> byId = new LinkedHashMap<>();

	/**
	 * Split and bind the flat properties.
	 * @param properties {@code cleo.tasks}, by {@code <task-id>.<option>}
	 * @throws InvalidTaskOptionException naming a key that ends with no option, or a
	 * value that is not of the option's type
	 */
	PerTaskOverrides(Map<String, String> properties) {
		Map<String, Map<String, String>> byId = new LinkedHashMap<>();
		properties.forEach((key, value) -> {
			String[] parts = key.split("\\.");
			String option = option(parts);
			if (option == null) {
				throw new InvalidTaskOptionException("cleo.tasks." + key + " names no task option; a key is "
						+ "<task-id>.<option>, with the option one of " + String.join(", ", OPTIONS));
			}
			String id = String.join(".", Arrays.copyOf(parts, parts.length - option.split("\\.").length));
			byId.computeIfAbsent(id, (ignored) -> new LinkedHashMap<>()).put(option, value);
		});
		byId.forEach((id, options) -> this.byId.put(uniform(id), new Entry(id, bind(id, options))));
	}

	/**
	 * The option a key ends with.
	 * @param parts the key after {@code cleo.tasks.}, split at its dots
	 * @return the option as {@link #OPTIONS} names it, or {@code null} when the key ends
	 * with none or names no task id before it
	 */
	static @Nullable String option(String[] parts) {
		for (String option : OPTIONS) {
			String[] expected = option.split("\\.");
			int offset = parts.length - expected.length;
			if (offset > 0 && matches(parts, offset, expected)) {
				return option;
			}
		}
		return null;
	}

	/**
	 * The overrides of one task.
	 * @param id the task id
	 * @return what {@code cleo.tasks.<id>} sets, or {@code null} when it names nothing
	 */
	@Nullable TaskOverrides get(String id) {
		Entry entry = this.byId.get(uniform(id));
		return (entry != null) ? entry.overrides() : null;
	}

	/**
	 * @return the configured task ids, as written
	 */
	Collection<String> ids() {
		return this.byId.values().stream().map(Entry::id).toList();
	}

	/**
	 * A name as relaxed binding compares it.
	 * @param name a task id or a key
	 * @return the name in lower case, without dashes
	 */
	static String uniform(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "");
	}

	private static boolean matches(String[] parts, int offset, String[] expected) {
		for (int i = 0; i < expected.length; i++) {
			if (!uniform(parts[offset + i]).equals(uniform(expected[i]))) {
				return false;
			}
		}
		return true;
	}

	private static TaskOverrides bind(String id, Map<String, String> options) {
		// Bound with Boot's converters, as cleo.queues.<name> is: 30s, PT30S, fixed, ...
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		options.forEach((option, value) -> source.put("task." + option, value));
		try {
			return new Binder(source).bindOrCreate("task", Bindable.of(TaskOverrides.class));
		}
		catch (BindException ex) {
			String name = ex.getName().toString();
			throw new InvalidTaskOptionException("Invalid cleo.tasks." + id + name.substring("task".length()) + ": "
					+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		}
	}

	private record Entry(String id, TaskOverrides overrides) {
	}

}
