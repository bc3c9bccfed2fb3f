/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

/**
 * Receives task events in process. Called on Cleo's worker threads: keep it quick and
 * hand slow work elsewhere. An exception thrown here is logged and does not affect the
 * task.
 */
@FunctionalInterface
public interface TaskEventListener {

	/**
	 * Handle one event.
	 * @param event the event
	 */
	void onEvent(TaskEvent event);

}
