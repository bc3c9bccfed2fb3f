/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.observation;

import dev.cleo.queue.redis.ClaimedTask;

/**
 * Internal, not API: what the engine observes, behind a type that needs no Micrometer on
 * the class path. {@link #NONE} observes nothing and carries no headers, so enqueue and
 * claim stay as they were; {@link MicrometerTaskObservations} is the one on an
 * {@code ObservationRegistry}.
 */
public interface TaskObservations {

	/** Observes nothing. */
	TaskObservations NONE = new TaskObservations() {

		@Override
		public boolean readsHeaders() {
			return false;
		}

		@Override
		public Enqueue enqueue(String queue, String taskName) {
			return Enqueue.NONE;
		}

		@Override
		public Attempt attempt(ClaimedTask task) {
			return Attempt.NONE;
		}

	};

	/**
	 * Whether claims read the headers stored with a task (only then does the claim script
	 * fetch them).
	 * @return whether attempts use stored headers
	 */
	boolean readsHeaders();

	/**
	 * Start observing one enqueue call's tasks of one queue, on the caller's thread (so a
	 * current observation, an HTTP request's say, is its parent).
	 * @param queue the queue
	 * @param taskName the tasks' name, or {@code "mixed"} for a batch of several
	 * @return the started observation
	 */
	Enqueue enqueue(String queue, String taskName);

	/**
	 * Start observing an attempt and open its scope on the calling (handler) thread.
	 * @param task the claimed task, with the headers stored at its enqueue
	 * @return the started observation
	 */
	Attempt attempt(ClaimedTask task);

	/** A started enqueue observation. */
	interface Enqueue {

		/** Nothing observed, nothing carried. */
		Enqueue NONE = new Enqueue() {

			@Override
			public String headers() {
				return null;
			}

			@Override
			public void stop(Throwable error) {
			}

		};

		/**
		 * The headers to store with the tasks, as a JSON object.
		 * @return the headers, or {@code null} when there are none
		 */
		String headers();

		/**
		 * Stop the observation.
		 * @param error why the enqueue failed, or {@code null}
		 */
		void stop(Throwable error);

	}

	/** A started attempt observation, in scope on the handler thread. */
	interface Attempt {

		/** Nothing observed. */
		Attempt NONE = (error) -> {
		};

		/**
		 * Close the scope and stop the observation, on the thread that started it.
		 * @param error why the attempt failed, or {@code null} when it completed
		 */
		void stop(Throwable error);

	}

}
