/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.redis.QueueAdminStore;
import dev.cleo.queue.redis.QueueAdminStore.GroupMoves;

/**
 * One split of a group, for {@link QueueGroups#split}: reads the group's waiting tasks a
 * page at a time, oldest first, asks the caller's function for each one's new group and
 * has the store move them. The store keeps the group out of line from the first page to
 * the last, so this always ends the split, even when the function or Redis fails on the
 * way.
 */
final class GroupSplit {

	static final int PAGE = 500;

	private final QueueAdminStore admin;

	private final String queue;

	private final String group;

	private final Function<TaskInfo, String> newGroup;

	GroupSplit(QueueAdminStore admin, String queue, String group, Function<TaskInfo, String> newGroup) {
		this.admin = admin;
		this.queue = queue;
		this.group = group;
		this.newGroup = Objects.requireNonNull(newGroup, "newGroup");
	}

	long run() {
		long moved = 0;
		// Tasks that stay keep their places at the front, so the next page starts after
		// them.
		long offset = 0;
		boolean last = false;
		boolean started = false;
		try {
			while (!last) {
				List<TaskInfo> page = this.admin.waitingInGroup(this.queue, this.group, offset, PAGE);
				last = page.size() < PAGE;
				Map<String, String> newGroups = newGroups(page);
				// Set before the call: one that times out may still have run.
				started |= !last;
				GroupMoves moves = this.admin.moveWaiting(this.queue, this.group, newGroups, last);
				moved += moves.moved();
				offset += moves.stayed();
			}
			return moved;
		}
		catch (RuntimeException ex) {
			if (started) {
				endAfter(ex);
			}
			throw ex;
		}
	}

	private Map<String, String> newGroups(List<TaskInfo> page) {
		Map<String, String> newGroups = new LinkedHashMap<>();
		for (TaskInfo task : page) {
			String target = this.newGroup.apply(task);
			newGroups.put(task.id(), (target != null) ? checkTarget(task, target) : "");
		}
		return newGroups;
	}

	private static String checkTarget(TaskInfo task, String target) {
		try {
			return QueueGroups.checkGroup(target);
		}
		catch (InvalidTaskOptionException ex) {
			throw new InvalidTaskOptionException(
					"The new group given for task " + task.id() + " is invalid: " + ex.getMessage());
		}
	}

	/**
	 * Lets the group take its turns again after a failed page (it is out of line since
	 * the first one); the failure wins.
	 */
	private void endAfter(RuntimeException failure) {
		try {
			this.admin.moveWaiting(this.queue, this.group, Map.of(), true);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

}
