/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.List;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.Texts;
import dev.cleo.queue.autoconfigure.ApplicationQueues;

/**
 * Turns the {@code {name}} of a request into a queue the {@code queues} endpoint may read
 * or change: a valid name (400 otherwise), and one that exists, that is one the
 * application knows or one Redis holds tasks or schedules of (404 otherwise), so that no
 * call creates a queue by naming it. Internal.
 */
final class QueueLookup {

	private final QueueManager manager;

	private final ApplicationQueues application;

	QueueLookup(QueueManager manager, ApplicationQueues application) {
		this.manager = manager;
		this.application = application;
	}

	/**
	 * Check a name against the core's rule, without Redis.
	 * @param name the name from the request
	 * @return the name
	 * @throws Refusal 400 when it is not a valid queue name
	 */
	String valid(String name) {
		try {
			// The core's one rule for queue names, through its public API.
			TaskOptions.defaults().queue(name);
			return name;
		}
		catch (InvalidTaskOptionException | IllegalArgumentException ex) {
			throw Refusal.badRequest(
					"Queue name " + Texts.quote(name) + " is invalid: use 1 to 100 letters, digits, '.', '_' or '-'");
		}
	}

	/**
	 * Check that a valid queue exists. Always reads Redis, even for a queue the
	 * application knows: run within the read deadline before a write, this read is also
	 * what tells that Redis answers, so a write is refused at once while Redis is away
	 * instead of waiting for the command timeout.
	 * @param queue a valid queue name
	 * @throws Refusal 404 when neither the application nor Redis knows it
	 */
	void requireKnown(String queue) {
		if (this.manager.queues().contains(queue) || this.application.contains(queue)
				|| !this.manager.schedules().list(queue).isEmpty()) {
			return;
		}
		throw Refusal.notFound("No queue '" + queue + "': GET /actuator/queues lists the application's queues "
				+ "and the others found in Redis");
	}

	/**
	 * The queues found in Redis that the application does not know.
	 * @return their names, sorted
	 */
	List<String> others() {
		return this.manager.queues().stream().filter((queue) -> !this.application.contains(queue)).toList();
	}

}
