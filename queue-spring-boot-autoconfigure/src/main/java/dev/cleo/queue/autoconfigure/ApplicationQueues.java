/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The queues this application knows: those of its task methods and handler beans, those
 * named under {@code cleo.queues}, and those its worker pools serve. Callers from outside
 * (the HTTP API) may use only these, and meters are tagged only with these, so the number
 * of queues and of series stays what the application configured, whatever a caller sends.
 * Filled once every bean exists, by the task registrar and the worker pool registry.
 */
public final class ApplicationQueues {

	private final Set<String> names = new ConcurrentSkipListSet<>();

	/**
	 * Create the set with the queues named under {@code cleo.queues}.
	 * @param configured the configured queue names
	 */
	public ApplicationQueues(Collection<String> configured) {
		this.names.addAll(configured);
	}

	/**
	 * Add queues the application uses.
	 * @param queues the queue names
	 */
	void addAll(Collection<String> queues) {
		this.names.addAll(queues);
	}

	/**
	 * Whether the application knows a queue.
	 * @param queue the queue name
	 * @return true when it is one of {@link #names()}
	 */
	public boolean contains(String queue) {
		return this.names.contains(queue);
	}

	/**
	 * The queues, sorted by name.
	 * @return an unmodifiable view
	 */
	public Set<String> names() {
		return Collections.unmodifiableSet(this.names);
	}

}
