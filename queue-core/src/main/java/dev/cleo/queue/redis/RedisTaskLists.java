/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cleo.queue.ListedTask;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskListRequest;
import dev.cleo.queue.TaskPage;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.Texts;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * Lists a queue's tasks by state, a page at a time: one read-only script call finds the
 * page's ids after the cursor ({@code waiting-page.lua} or {@code task-page.lua}), then
 * their hashes are read in one pipelined round. The script is asked for one task more
 * than the limit, which tells whether another page follows.
 */
final class RedisTaskLists {

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final ScriptRunner scripts;

	private final Clock clock;

	RedisTaskLists(RedisClusterAsyncCommands<String, String> commands, RedisKeys keys, ScriptRunner scripts,
			Clock clock) {
		this.commands = commands;
		this.keys = keys;
		this.scripts = scripts;
		this.clock = clock;
	}

	TaskPage list(String queue, TaskState state, TaskListRequest request) {
		String listing = state.value() + (request.isNewestFirst() ? ":desc" : ":asc");
		TaskListCursor after = TaskListCursor.decode(request.cursor(), listing);
		List<TaskListCursor> places = (state == TaskState.WAITING) ? waiting(queue, listing, request, after)
				: sorted(queue, state, listing, request, after);
		List<TaskListCursor> shown = places.stream().filter((place) -> !place.id().isEmpty()).toList();
		String next = null;
		if (shown.size() > request.limit()) {
			shown = shown.subList(0, request.limit());
			next = shown.get(shown.size() - 1).encode();
		}
		else if (shown.size() < places.size()) {
			// The script stopped after visiting its most groups: go on after the last.
			next = places.get(places.size() - 1).encode();
		}
		return new TaskPage(read(queue, state, shown), next);
	}

	private List<TaskListCursor> waiting(String queue, String listing, TaskListRequest request, TaskListCursor after) {
		TaskListCursor from = (after != null) ? after : new TaskListCursor(listing, "", "", "", "", "");
		List<Object> reply = this.scripts.call(Script.WAITING_PAGE, ScriptOutputType.MULTI, queue,
				List.of(this.keys.queuePrefix(queue), request.isNewestFirst() ? "1" : "",
						Integer.toString(request.limit() + 1), from.part(), from.group(), from.groupScore(),
						from.score(), from.id()),
				"list the waiting tasks of queue " + Texts.quote(queue));
		List<TaskListCursor> places = new ArrayList<>(reply.size() / 5);
		for (int i = 0; i + 4 < reply.size(); i += 5) {
			places.add(new TaskListCursor(listing, text(reply, i + 2), text(reply, i + 3), text(reply, i + 4),
					text(reply, i + 1), text(reply, i)));
		}
		return places;
	}

	private List<TaskListCursor> sorted(String queue, TaskState state, String listing, TaskListRequest request,
			TaskListCursor after) {
		List<Object> reply = this.scripts.call(Script.TASK_PAGE, ScriptOutputType.MULTI, queue,
				List.of(this.keys.queuePrefix(queue), set(state), request.isNewestFirst() ? "1" : "",
						Integer.toString(request.limit() + 1), (after != null) ? after.score() : "",
						(after != null) ? after.id() : ""),
				"list the " + state.value() + " tasks of queue " + Texts.quote(queue));
		List<TaskListCursor> places = new ArrayList<>(reply.size() / 2);
		for (int i = 0; i + 1 < reply.size(); i += 2) {
			places.add(new TaskListCursor(listing, "s", "", "", text(reply, i + 1), text(reply, i)));
		}
		return places;
	}

	/**
	 * Reads the tasks' hashes in one pipelined round; a task gone meanwhile, or no longer
	 * in the state, is left out.
	 */
	private List<ListedTask> read(String queue, TaskState state, List<TaskListCursor> places) {
		List<RedisFuture<Map<String, String>>> hashes = places.stream()
			.map((place) -> this.commands.hgetall(this.keys.task(queue, place.id())))
			.toList();
		Set<TaskState> states = statesIn(state);
		long now = this.clock.millis();
		List<ListedTask> tasks = new ArrayList<>(places.size());
		for (int i = 0; i < places.size(); i++) {
			String id = places.get(i).id();
			Map<String, String> hash = this.scripts.await(hashes.get(i), "read listed task " + Texts.quote(id));
			TaskInfo task = hash.isEmpty() ? null : TaskInfoReader.read(queue, id, hash);
			if (task != null && states.contains(task.state())) {
				tasks.add(listed(task, state, places.get(i), now));
			}
		}
		return tasks;
	}

	private static ListedTask listed(TaskInfo task, TaskState state, TaskListCursor place, long now) {
		if (state == TaskState.DELAYED) {
			return new ListedTask(task, Instant.ofEpochMilli((long) Double.parseDouble(place.score())), null, null);
		}
		if (state == TaskState.ACTIVE && task.startedAt() != null) {
			Duration running = Duration.ofMillis(Math.max(0, now - task.startedAt().toEpochMilli()));
			return new ListedTask(task, null, task.worker(), running);
		}
		return new ListedTask(task, null, null, null);
	}

	/** The sorted set that holds the tasks of a state other than waiting. */
	private static String set(TaskState state) {
		return switch (state) {
			case DELAYED -> "delayed";
			case ACTIVE -> "active";
			case COMPLETED -> "done";
			case DEAD -> "dead";
			default -> throw new IllegalArgumentException("No sorted set lists " + state.value() + " tasks");
		};
	}

	/** The states a task listed under a state may be in. */
	private static Set<TaskState> statesIn(TaskState state) {
		return switch (state) {
			case DELAYED -> EnumSet.of(TaskState.DELAYED, TaskState.FAILED);
			case COMPLETED ->
				EnumSet.of(TaskState.COMPLETED, TaskState.CANCELLED, TaskState.EXPIRED, TaskState.DROPPED);
			default -> EnumSet.of(state);
		};
	}

	private static String text(List<Object> reply, int index) {
		Object value = reply.get(index);
		return (value != null) ? value.toString() : "";
	}

}
