/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskListRequest;
import dev.cleo.queue.TaskPage;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;

/**
 * {@code GET /api/tasks}: one page of a queue's jobs in a state ({@code waiting},
 * {@code active} with owner and running time, {@code delayed} with due time,
 * {@code completed}, {@code dead}), oldest or newest first, through
 * {@link dev.cleo.queue.QueueTasks}. A read, open as {@code GET /api/jobs/{id}} is, run
 * through {@link RedisReads}; the queue must be one of the application's.
 */
@RestController
@RequestMapping("${cleo.web.api.base-path:/api}/tasks")
public class TasksController {

	private static final Set<String> PARAMETERS = ApiParameters.names("queue", "state", "order", "limit", "cursor");

	private static final List<String> STATES = List.of("waiting", "active", "delayed", "completed", "dead");

	private final QueueManager manager;

	private final ApiQueues queues;

	private final RedisReads reads;

	private final WriteAccess writes;

	private final CleoWebApiProperties properties;

	TasksController(QueueManager manager, ApiQueues queues, RedisReads reads, WriteAccess writes,
			CleoWebApiProperties properties) {
		this.manager = manager;
		this.queues = queues;
		this.reads = reads;
		this.writes = writes;
		this.properties = properties;
	}

	/**
	 * One page of a queue's jobs in a state.
	 * @param http the request: {@code state} (required), {@code queue} (else
	 * {@code cleo.web.api.default-queue}), {@code order} ({@code oldest}, the default, or
	 * {@code newest}), {@code limit} (1 to 1,000, default 50), {@code cursor}
	 * @return {@code queue}, {@code state}, {@code order}, {@code tasks} and
	 * {@code nextCursor} ({@code null} on the last page)
	 */
	@GetMapping
	public Map<String, Object> list(HttpServletRequest http) {
		ApiParameters parameters = ApiParameters.of(http, PARAMETERS, Set.of());
		String given = parameters.single("queue");
		String queue = this.queues.check((given != null) ? given : this.properties.getDefaultQueue(),
				this.writes.isCallerAuthorised());
		if (!parameters.has("state")) {
			throw ApiParameters.invalid("state", "is needed: one of " + String.join(", ", STATES));
		}
		String state = parameters.choice("state", STATES, null);
		String order = parameters.choice("order", List.of("oldest", "newest"), "oldest");
		int limit = parameters.number("limit", 1, TaskListRequest.MAX_LIMIT, 50);
		String cursor = parameters.cursor("cursor");
		TaskPage page;
		try {
			TaskListRequest request = new TaskListRequest(
					order.equals("newest") ? TaskListRequest.Order.NEWEST_FIRST : TaskListRequest.Order.OLDEST_FIRST,
					limit, cursor);
			page = this.reads.within("the " + state + " jobs of queue '" + queue + "'",
					() -> this.manager.tasks(queue).list(TaskState.fromValue(state), request));
		}
		catch (InvalidTaskOptionException ex) {
			// the one thing left to the core: the cursor's form
			throw ApiProblems.badRequest("Invalid parameter", "'cursor': " + ProblemText.bounded(ex.getMessage()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("queue", queue);
		body.put("state", state);
		body.put("order", order);
		body.put("tasks", page.tasks().stream().map(ListedTaskView::of).toList());
		body.put("nextCursor", page.nextCursor());
		return body;
	}

}
