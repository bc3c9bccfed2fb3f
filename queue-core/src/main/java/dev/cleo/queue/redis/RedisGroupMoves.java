/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.Texts;
import dev.cleo.queue.redis.QueueAdminStore.GroupMoves;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * Merges and splits of groups for {@link RedisQueueAdminStore}: tasks move between groups
 * in pages of at most {@value RedisQueueAdminStore#CHUNK}, one script call each, so a
 * huge group never holds Redis for long. The scripts' headers say what the queue looks
 * like between two calls.
 */
final class RedisGroupMoves {

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final ScriptRunner scripts;

	RedisGroupMoves(RedisClusterAsyncCommands<String, String> commands, RedisKeys keys, ScriptRunner scripts) {
		this.commands = commands;
		this.keys = keys;
		this.scripts = scripts;
	}

	long merge(String queue, String from, String into) {
		String what = "merge group " + Texts.quote(from) + " into " + Texts.quote(into) + " on queue "
				+ Texts.quote(queue);
		long moved = 0;
		List<Object> reply;
		do {
			reply = await(this.scripts.run(Script.GROUP_MERGE, ScriptOutputType.MULTI, queue,
					this.keys.queuePrefix(queue), from, into, Integer.toString(RedisQueueAdminStore.CHUNK)), what);
			refused(reply, queue, from, into);
			moved += (Long) reply.get(0);
		}
		while ((Long) reply.get(1) > 0);
		return moved;
	}

	/** Maps the merge script's negative codes to exceptions that say what to do. */
	private static void refused(List<Object> reply, String queue, String from, String into) {
		long code = (Long) reply.get(0);
		String group = "Group " + Texts.quote(from) + " of queue " + Texts.quote(queue);
		if (code == -1) {
			String merged = Texts.quote((String) reply.get(1));
			throw new QueueException(group + " was merged into " + merged + " already; merge " + merged + " into "
					+ Texts.quote(into) + " instead");
		}
		if (code == -2) {
			throw new QueueException("Group " + Texts.quote(into) + " of queue " + Texts.quote(queue)
					+ " was merged into " + Texts.quote(from) + ": merging " + Texts.quote(from)
					+ " into it would merge the group into itself");
		}
		if (code == -3) {
			throw new QueueException(group + " is being split; merge it when the split has ended");
		}
	}

	List<TaskInfo> waiting(String queue, String group, long offset, int limit) {
		String what = "read the waiting tasks of group " + Texts.quote(group) + " on queue " + Texts.quote(queue);
		List<String> ids = await(this.commands.zrange(this.keys.key(queue, "g:" + group), offset, offset + limit - 1)
			.toCompletableFuture(), what);
		List<RedisFuture<Map<String, String>>> hashes = ids.stream()
			.map((id) -> this.commands.hgetall(this.keys.task(queue, id)))
			.toList();
		List<TaskInfo> tasks = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			Map<String, String> hash = await(hashes.get(i).toCompletableFuture(), what);
			if (!hash.isEmpty()) {
				tasks.add(TaskInfoReader.read(queue, ids.get(i), hash));
			}
		}
		return tasks;
	}

	GroupMoves move(String queue, String group, Map<String, String> newGroups, boolean last) {
		List<String> args = new ArrayList<>(3 + newGroups.size() * 2);
		args.add(this.keys.queuePrefix(queue));
		args.add(group);
		args.add(last ? "1" : "0");
		newGroups.forEach((id, newGroup) -> {
			args.add(id);
			args.add(newGroup);
		});
		List<Object> reply = this.scripts.call(Script.GROUP_SPLIT, ScriptOutputType.MULTI, queue, args,
				"split group " + Texts.quote(group) + " of queue " + Texts.quote(queue));
		if ((Long) reply.get(0) == -1) {
			throw new QueueException("Group " + Texts.quote(group) + " of queue " + Texts.quote(queue)
					+ " was merged into " + Texts.quote((String) reply.get(1)) + "; split "
					+ Texts.quote((String) reply.get(1)) + " instead");
		}
		return new GroupMoves((Long) reply.get(0), (Long) reply.get(1));
	}

	private <T> T await(CompletableFuture<T> future, String what) {
		return this.scripts.await(future, what);
	}

}
