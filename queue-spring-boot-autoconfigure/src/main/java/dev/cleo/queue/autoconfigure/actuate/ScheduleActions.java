/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Texts;
import dev.cleo.queue.schedule.Schedules;
import dev.cleo.queue.schedule.UnknownScheduleException;

/**
 * The {@code queues} endpoint's schedule actions: pause, resume, delete or trigger the
 * schedule the request body names ({@code {"schedule": "nightly-report"}}). A missing or
 * invalid name answers 400, an unknown schedule 404. Internal.
 */
final class ScheduleActions {

	private final Schedules schedules;

	ScheduleActions(Schedules schedules) {
		this.schedules = schedules;
	}

	QueueActionResult run(String queue, QueueAction action, @Nullable String schedule) {
		String name = ActionArguments.required(schedule, action, "schedule", ActionArguments.SCHEDULE_MAX);
		try {
			return act(queue, action, name);
		}
		catch (UnknownScheduleException ex) {
			throw Refusal.notFound("No schedule " + Texts.quote(name) + " on queue '" + queue
					+ "': GET /actuator/queues/" + queue + " lists its schedules");
		}
		catch (InvalidTaskOptionException ex) {
			throw Refusal.badRequest(ex.getMessage());
		}
	}

	private QueueActionResult act(String queue, QueueAction action, String schedule) {
		return switch (action) {
			case PAUSE_SCHEDULE ->
				QueueActionResult.scheduled(queue, action, schedule, this.schedules.pause(queue, schedule) ? 1 : 0);
			case RESUME_SCHEDULE ->
				QueueActionResult.scheduled(queue, action, schedule, this.schedules.resume(queue, schedule) ? 1 : 0);
			case DELETE_SCHEDULE -> {
				if (!this.schedules.delete(queue, schedule)) {
					throw new UnknownScheduleException(queue, schedule);
				}
				yield QueueActionResult.scheduled(queue, action, schedule, 1);
			}
			case TRIGGER_SCHEDULE ->
				QueueActionResult.triggered(queue, schedule, this.schedules.trigger(queue, schedule));
			default -> throw new IllegalArgumentException("Not a schedule action: " + action.value());
		};
	}

}
