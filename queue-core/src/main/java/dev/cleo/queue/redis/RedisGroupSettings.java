/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Texts;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.group.GroupSettings;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * The group settings of a queue for {@link RedisQueueAdminStore}: changes go through
 * {@code group-config.lua}, which places the groups in line again under the new setting a
 * page of at most {@value RedisQueueAdminStore#CHUNK} per call; reads are plain commands.
 * {@link GroupSettingsHash} gives the fields and values.
 */
final class RedisGroupSettings {

	private static final String HASH = "gconf";

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final ScriptRunner scripts;

	RedisGroupSettings(RedisClusterAsyncCommands<String, String> commands, RedisKeys keys, ScriptRunner scripts) {
		this.commands = commands;
		this.keys = keys;
		this.scripts = scripts;
	}

	GroupSettingsHash.Entry write(String queue, GroupSettingChange change) {
		GroupSettingsHash.Entry entry = GroupSettingsHash.write(change);
		String what = "set " + entry.field() + " of the groups of queue " + Texts.quote(queue);
		String cursor = "0";
		do {
			cursor = this.scripts.await(this.scripts.<String>run(Script.GROUP_CONFIG, ScriptOutputType.VALUE, queue,
					this.keys.queuePrefix(queue), entry.field(), entry.value(), cursor,
					Integer.toString(RedisQueueAdminStore.CHUNK)), what);
			if (cursor.startsWith("refused:")) {
				throw new InvalidTaskOptionException("the group " + entry.field() + " of queue " + Texts.quote(queue)
						+ " can change only while no grouped task waits, and " + cursor.substring(8)
						+ " wait: the waiting tasks are stored in the order they came under");
			}
		}
		while (!"0".equals(cursor));
		return entry;
	}

	GroupSettings read(String queue) {
		return GroupSettingsHash
			.read(fields(queue, GroupSettingsHash.QUEUE_FIELDS, "read the group settings of queue "));
	}

	boolean exists(String queue) {
		CompletableFuture<Long> read = this.commands.exists(this.keys.key(queue, HASH)).toCompletableFuture();
		return this.scripts.await(read, "read whether Redis holds group settings of queue " + Texts.quote(queue)) > 0;
	}

	GroupRateLimit rateLimit(String queue, String group) {
		String own = GroupSettingsHash.OWN_RATE + group;
		Map<String, String> stored = fields(queue, List.of(own, GroupSettingsHash.RATE),
				"read " + own + " of the groups of queue ");
		return GroupSettingsHash.rateLimit(stored.get(own), stored.get(GroupSettingsHash.RATE));
	}

	/** The fields named that are set, in one HMGET. */
	private Map<String, String> fields(String queue, List<String> fields, String what) {
		CompletableFuture<List<KeyValue<String, String>>> read = this.commands
			.hmget(this.keys.key(queue, HASH), fields.toArray(String[]::new))
			.toCompletableFuture();
		Map<String, String> stored = new HashMap<>();
		this.scripts.await(read, what + Texts.quote(queue))
			.stream()
			.filter(KeyValue::hasValue)
			.forEach((value) -> stored.put(value.getKey(), value.getValue()));
		return stored;
	}

}
