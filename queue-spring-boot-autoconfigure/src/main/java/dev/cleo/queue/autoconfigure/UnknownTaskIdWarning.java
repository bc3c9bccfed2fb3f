/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Warns, once every bean exists, about each {@code cleo.tasks.<task-id>} that names no
 * task method: a typo, or a method renamed since, leaves the task with its annotations'
 * options while the configuration looks applied. Ids compare as relaxed binding compares
 * names. Internal.
 */
final class UnknownTaskIdWarning implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(UnknownTaskIdWarning.class);

	private final Collection<String> configured;

	private final Supplier<Set<String>> ids;

	/**
	 * A warning.
	 * @param configured the task ids under {@code cleo.tasks}, as written
	 * @param ids the ids of the application's task methods, asked once every bean exists
	 */
	UnknownTaskIdWarning(Collection<String> configured, Supplier<Set<String>> ids) {
		this.configured = configured;
		this.ids = ids;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<String> known = this.ids.get().stream().map(PerTaskOverrides::uniform).collect(Collectors.toSet());
		for (String id : this.configured) {
			if (!known.contains(PerTaskOverrides.uniform(id))) {
				logger.warn("cleo.tasks.{} is configured, but no task method has the id '{}': a task's id is its "
						+ "@Task(id), else SimpleClassName.method", id, id);
			}
		}
	}

}
