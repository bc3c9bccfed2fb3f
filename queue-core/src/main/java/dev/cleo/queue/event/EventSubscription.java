/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

/**
 * A listener following the queues' event streams; close it to stop.
 */
public interface EventSubscription extends AutoCloseable {

	/**
	 * Where the follower stands now: give it to {@code TaskEventStreams.follow} to go on
	 * from here later.
	 * @return the cursor
	 */
	String cursor();

	/**
	 * Stop following; the listener hears nothing more once this returns.
	 */
	@Override
	void close();

}
