/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.schedule.Schedules;
import dev.cleo.queue.schedule.UnknownScheduleException;

/**
 * The {@code queues} endpoint's schedule actions: pause, resume, delete or trigger the
 * schedule the request body names ({@code {"schedule": "nightly-report"}}). A missing
 * name answers 400, an unknown schedule 404.
 */
final class ScheduleActions {

	private final Schedules schedules;

	ScheduleActions(Schedules schedules) {
		this.schedules = schedules;
	}

	WebEndpointResponse<QueueActionResult> run(String queue, QueueAction action, @Nullable String schedule) {
		if (schedule == null || schedule.isBlank()) {
			return new WebEndpointResponse<>(
					QueueActionResult.refused(queue, action.value(),
							"Action '" + action.value()
									+ "' needs the schedule's name in the body: {\"schedule\": \"<name>\"}"),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		try {
			return new WebEndpointResponse<>(act(queue, action, schedule));
		}
		catch (UnknownScheduleException ex) {
			return refused(queue, action, schedule, ex.getMessage(), WebEndpointResponse.STATUS_NOT_FOUND);
		}
		catch (InvalidTaskOptionException ex) {
			return refused(queue, action, schedule, ex.getMessage(), WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

	private QueueActionResult act(String queue, QueueAction action, String schedule) {
		return switch (action) {
			case PAUSE_SCHEDULE -> QueueActionResult.scheduled(queue, action, schedule,
					this.schedules.pause(queue, schedule) ? 1 : 0, null);
			case RESUME_SCHEDULE -> QueueActionResult.scheduled(queue, action, schedule,
					this.schedules.resume(queue, schedule) ? 1 : 0, null);
			case DELETE_SCHEDULE -> {
				if (!this.schedules.delete(queue, schedule)) {
					throw new UnknownScheduleException(queue, schedule);
				}
				yield QueueActionResult.scheduled(queue, action, schedule, 1, null);
			}
			case TRIGGER_SCHEDULE ->
				QueueActionResult.scheduled(queue, action, schedule, 1, this.schedules.trigger(queue, schedule));
			default -> throw new IllegalArgumentException("Not a schedule action: " + action.value());
		};
	}

	private static WebEndpointResponse<QueueActionResult> refused(String queue, QueueAction action, String schedule,
			String message, int status) {
		return new WebEndpointResponse<>(
				new QueueActionResult(queue, action.value(), false, 0, message, schedule, null), status);
	}

}
