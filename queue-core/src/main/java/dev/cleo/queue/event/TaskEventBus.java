/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers task events to the listeners registered for their type. Internal: users
 * subscribe through {@code QueueManager.onTaskEvent}.
 */
public final class TaskEventBus {

	private static final Logger logger = LoggerFactory.getLogger(TaskEventBus.class);

	private final Map<ObserverEvent, List<TaskEventListener>> listeners = new EnumMap<>(ObserverEvent.class);

	/**
	 * Create a bus with no listeners.
	 */
	public TaskEventBus() {
		for (ObserverEvent type : ObserverEvent.values()) {
			this.listeners.put(type, new CopyOnWriteArrayList<>());
		}
	}

	/**
	 * Register a listener.
	 * @param listener the listener
	 * @param types the events it wants; none means all
	 * @return a handle that removes the listener again
	 */
	public AutoCloseable subscribe(TaskEventListener listener, ObserverEvent... types) {
		Set<ObserverEvent> wanted = expand(types);
		wanted.forEach((type) -> this.listeners.get(type).add(listener));
		return () -> wanted.forEach((type) -> this.listeners.get(type).remove(listener));
	}

	/**
	 * The concrete types a subscription to these receives.
	 * @param types the types asked for; none means every concrete type
	 * @return the types
	 */
	public static Set<ObserverEvent> expand(ObserverEvent... types) {
		Set<ObserverEvent> wanted = EnumSet.noneOf(ObserverEvent.class);
		if (types.length == 0) {
			EnumSet.allOf(ObserverEvent.class).stream().filter(ObserverEvent::isConcrete).forEach(wanted::add);
		}
		for (ObserverEvent type : types) {
			wanted.addAll(type.types());
		}
		return wanted;
	}

	/**
	 * Whether anyone listens to a type, so callers can skip building events nobody reads.
	 * @param type the event type
	 * @return true when at least one listener is registered
	 */
	public boolean hasListeners(ObserverEvent type) {
		return !this.listeners.get(type).isEmpty();
	}

	/**
	 * Deliver an event to its listeners.
	 * @param event the event
	 */
	public void publish(TaskEvent event) {
		for (TaskEventListener listener : this.listeners.get(event.type())) {
			try {
				listener.onEvent(event);
			}
			catch (Exception ex) {
				// Any Exception: a Kotlin listener can throw a checked one, which
				// must not fail an enqueue, leak a worker slot or stop the acks
				logger.warn("Task event listener {} failed on {} of task {}", listener, event.type(), event.taskId(),
						ex);
			}
		}
	}

}
