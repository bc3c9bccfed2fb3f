/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Refuses a property under {@code cleo.queues.<name>.} or {@code cleo.tasks.<task-id>.}
 * that Cleo does not have. Spring Boot ignores unknown keys of a map's values, so
 * {@code cleo.queues.orders.concurency: 5} would otherwise leave the queue at the default
 * and say nothing; this binds the map once more with Boot's own check for unbound
 * elements, so the start fails with Boot's report naming the key and its origin. Keys
 * elsewhere under {@code cleo.} are left to Boot.
 */
final class QueuePropertyNames {

	private static final String QUEUES = "cleo.queues";

	private static final ConfigurationPropertyName TASKS = ConfigurationPropertyName.of("cleo.tasks");

	private static final ConfigurationPropertyName QUEUE_NAMES = ConfigurationPropertyName.of(QUEUES);

	private static final List<String> QUEUE_KEYS = PropertyKeys.of(QueueOverrides.class);

	private QueuePropertyNames() {
	}

	/**
	 * Fail when a key under {@code cleo.queues.<name>.} names no queue setting, or one
	 * under {@code cleo.tasks.} ends with no task option.
	 * @param environment the environment
	 * @throws org.springframework.boot.context.properties.bind.BindException naming the
	 * unknown keys
	 */
	static void check(Environment environment) {
		try {
			Binder.get(environment)
				.bind(QUEUES, Bindable.mapOf(String.class, QueueOverrides.class),
						new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
			checkTasks(environment);
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
				throw report(unbound);
			}
			throw ex;
		}
	}

	/**
	 * Boot's own report of unbound keys names the map's type and bind handler; this one
	 * names each key, where it was set, and the key it was most likely meant to be.
	 */
	private static CleoStartupException report(UnboundConfigurationPropertiesException unbound) {
		List<String> lines = new ArrayList<>();
		boolean tasks = false;
		for (ConfigurationProperty property : unbound.getUnboundProperties()) {
			ConfigurationPropertyName name = property.getName();
			boolean task = TASKS.isAncestorOf(name);
			tasks |= task;
			int skip = task ? TASKS.getNumberOfElements() : QUEUE_NAMES.getNumberOfElements() + 1;
			String key = name.subName(Math.min(skip, name.getNumberOfElements() - 1)).toString();
			String suggestion = task ? closestTaskOption(key) : PropertyKeys.closest(key, QUEUE_KEYS);
			StringBuilder line = new StringBuilder("- ").append(name);
			if (property.getOrigin() != null) {
				line.append(" (").append(property.getOrigin()).append(')');
			}
			line.append((suggestion != null) ? ": did you mean " + suggestion.replace("<key>", "<group>") + "?"
					: ": no such " + (task ? "task option" : "queue setting"));
			lines.add(line.toString());
		}
		String description = "Cleo does not know " + ((lines.size() == 1) ? "this property" : "these properties")
				+ ":\n" + String.join("\n", lines);
		String action = tasks
				? "A task (cleo.tasks.<task-id>.) takes " + String.join(", ", PerTaskOverrides.OPTIONS)
						+ ". Fix or remove the key; docs/configuration.md lists every key."
				: "A queue (cleo.queues.<name>.) takes " + String.join(", ", QUEUE_KEYS).replace("<key>", "<group>")
						+ ". Fix or remove the key; docs/configuration.md lists every key.";
		return new CleoStartupException(description, action, unbound);
	}

	/** A mistyped task option, looked for at the end of the key (task ids hold dots). */
	private static String closestTaskOption(String key) {
		String[] parts = key.split("\\.");
		for (int take = Math.min(2, parts.length - 1); take >= 1; take--) {
			String tail = String.join(".", Arrays.copyOfRange(parts, parts.length - take, parts.length));
			String suggestion = PropertyKeys.closest(tail, PerTaskOverrides.OPTIONS);
			if (suggestion != null) {
				return suggestion;
			}
		}
		return null;
	}

	/**
	 * {@code cleo.tasks} is bound flat (task ids hold dots), so Boot's check cannot tell
	 * a wrong key from a long id: the keys that end with no option are picked out here,
	 * and Boot's check reports them, with their origins, by binding nothing from them.
	 */
	private static void checkTasks(Environment environment) {
		List<ConfigurationPropertySource> unknown = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				IterableConfigurationPropertySource keys = iterable.filter(QueuePropertyNames::isUnknownTaskKey);
				if (keys.iterator().hasNext()) {
					unknown.add(keys);
				}
			}
		}
		if (!unknown.isEmpty()) {
			new Binder(unknown).bind(TASKS, Bindable.of(NoOptions.class),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
		}
	}

	private static boolean isUnknownTaskKey(ConfigurationPropertyName name) {
		if (!TASKS.isAncestorOf(name)) {
			return false;
		}
		String[] parts = new String[name.getNumberOfElements() - TASKS.getNumberOfElements()];
		for (int i = 0; i < parts.length; i++) {
			parts[i] = name.getElement(TASKS.getNumberOfElements() + i, Form.ORIGINAL);
		}
		return PerTaskOverrides.option(parts) == null;
	}

	/** A target no key binds to, so that each key checked is reported unbound. */
	static final class NoOptions {

	}

}
