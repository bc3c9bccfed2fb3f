/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.core.env.Environment;

/**
 * Refuses a property under {@code cleo.queues.<name>.} that Cleo does not have. Spring
 * Boot ignores unknown keys of a map's values, so
 * {@code cleo.queues.orders.concurency: 5} would otherwise leave the queue at the default
 * and say nothing; this binds the map once more with Boot's own check for unbound
 * elements, so the start fails with Boot's report naming the key and its origin. Keys
 * elsewhere under {@code cleo.} are left to Boot.
 */
final class QueuePropertyNames {

	private static final String PREFIX = "cleo.queues";

	private QueuePropertyNames() {
	}

	/**
	 * Fail when a key under {@code cleo.queues.<name>.} names no queue setting.
	 * @param environment the environment
	 * @throws org.springframework.boot.context.properties.bind.BindException naming the
	 * unknown keys
	 */
	static void check(Environment environment) {
		Binder.get(environment)
			.bind(PREFIX, Bindable.mapOf(String.class, QueueOverrides.class),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
	}

}
