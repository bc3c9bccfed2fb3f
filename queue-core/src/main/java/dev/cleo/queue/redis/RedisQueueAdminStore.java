/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueException;
import dev.cleo.queue.QueueNotEmptyException;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.Texts;
import dev.cleo.queue.WorkerInfo;
import dev.cleo.queue.group.GroupInfo;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.group.GroupSettings;
import dev.cleo.queue.group.GroupStats;
import dev.cleo.queue.history.HistoryOptions;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * The {@link QueueAdminStore} on Lettuce. Bulk removals (dead letters, finished tasks, a
 * whole queue) run a script that removes at most {@value #CHUNK} tasks per call and
 * repeat it, so other clients get their turn between chunks. The queue registry is one
 * key outside any queue's hash tag, so it is written with plain commands, never from a
 * script.
 */
public final class RedisQueueAdminStore implements QueueAdminStore {

	private static final Logger logger = LoggerFactory.getLogger(RedisQueueAdminStore.class);

	static final int CHUNK = 500;

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final ScriptRunner scripts;

	private final RedisGroupMoves groupMoves;

	private final RedisGroupSettings groupSettings;

	/** The history spec the event note takes: "" (off) or "max entries:max age ms". */
	private final String history;

	/**
	 * Create a store.
	 * @param connector the connections
	 * @param keys the key builder
	 * @param timeout how long a synchronous call waits for Redis
	 */
	public RedisQueueAdminStore(RedisConnector connector, RedisKeys keys, Duration timeout) {
		this(connector, keys, timeout, HistoryOptions.off());
	}

	/**
	 * Create a store whose group and queue operations are told in the queues' event
	 * streams when history is on.
	 * @param connector the connections
	 * @param keys the key builder
	 * @param timeout how long a synchronous call waits for Redis
	 * @param history what is recorded
	 */
	public RedisQueueAdminStore(RedisConnector connector, RedisKeys keys, Duration timeout, HistoryOptions history) {
		this.history = HistorySpec.of(history);
		this.commands = connector.commands();
		this.keys = keys;
		this.scripts = new ScriptRunner(this.commands, keys, timeout);
		this.groupMoves = new RedisGroupMoves(this.commands, keys, this.scripts);
		this.groupSettings = new RedisGroupSettings(this.commands, keys, this.scripts);
	}

	@Override
	public void setPaused(String queue, boolean paused) {
		String what = (paused ? "pause" : "resume") + " queue " + Texts.quote(queue);
		if (paused) {
			await(this.commands.set(this.keys.key(queue, "paused"), "1").toCompletableFuture(), what);
			note(queue, "Q", "paused", "");
			return;
		}
		// Both go out in one flush; the marker wakes a blocked worker, whose claim chains
		// the wake-up on to the others while tasks are left.
		CompletableFuture<Long> deleted = this.commands.del(this.keys.key(queue, "paused")).toCompletableFuture();
		CompletableFuture<Long> woken = this.commands.zadd(this.keys.key(queue, "marker"), 0, "m")
			.toCompletableFuture();
		await(deleted.thenCombine(woken, (d, w) -> w), what);
		note(queue, "Q", "resumed", "");
	}

	@Override
	public boolean isPaused(String queue) {
		return await(this.commands.exists(this.keys.key(queue, "paused")).toCompletableFuture(),
				"read the paused flag of queue " + Texts.quote(queue)) > 0;
	}

	@Override
	public void writeGroupSetting(String queue, GroupSettingChange change) {
		GroupSettingsHash.Entry entry = this.groupSettings.write(queue, change);
		int colon = entry.field().indexOf(':');
		String group = (colon >= 0) ? entry.field().substring(colon + 1) : "";
		String setting = (colon >= 0) ? entry.field().substring(0, colon) : entry.field();
		note(queue, "G", "set", group, setting + "=" + entry.value());
	}

	@Override
	public GroupSettings groupSettings(String queue) {
		return this.groupSettings.read(queue);
	}

	@Override
	public boolean hasGroupSettings(String queue) {
		return this.groupSettings.exists(queue);
	}

	@Override
	public GroupRateLimit groupRateLimit(String queue, String group) {
		return this.groupSettings.rateLimit(queue, group);
	}

	@Override
	public void setGroupPaused(String queue, String group, boolean paused) {
		await(this.scripts.<Long>run(Script.GROUP_PAUSE, ScriptOutputType.INTEGER, queue, this.keys.queuePrefix(queue),
				group, paused ? "1" : "0"),
				(paused ? "pause" : "resume") + " group " + Texts.quote(group) + " of queue " + Texts.quote(queue));
		note(queue, "G", paused ? "paused" : "resumed", group, "");
	}

	@Override
	public boolean isGroupPaused(String queue, String group) {
		return await(this.commands.sismember(this.keys.key(queue, "gpaused"), group).toCompletableFuture(),
				"read whether group " + Texts.quote(group) + " of queue " + Texts.quote(queue) + " is paused");
	}

	@Override
	public List<GroupInfo> groups(String queue, int limit) {
		List<Object> reply = await(
				this.scripts.<List<Object>>run(Script.GROUP_LIST, ScriptOutputType.MULTI, queue,
						this.keys.queuePrefix(queue), Integer.toString(limit)),
				"list the groups of queue " + Texts.quote(queue));
		List<GroupInfo> groups = new ArrayList<>(reply.size() / 6);
		for (int i = 0; i + 5 < reply.size(); i += 6) {
			groups.add(new GroupInfo((String) reply.get(i), (Long) reply.get(i + 1), (Long) reply.get(i + 2),
					((Long) reply.get(i + 3)) == 1, ((Long) reply.get(i + 4)) == 1,
					((Long) reply.get(i + 5)).intValue()));
		}
		return groups;
	}

	@Override
	public long mergeGroups(String queue, String from, String into) {
		long moved = this.groupMoves.merge(queue, from, into);
		note(queue, "G", "merged", from, "into " + into + ", " + moved + " tasks moved");
		return moved;
	}

	@Override
	public List<TaskInfo> waitingInGroup(String queue, String group, long offset, int limit) {
		return this.groupMoves.waiting(queue, group, offset, limit);
	}

	@Override
	public GroupMoves moveWaiting(String queue, String group, Map<String, String> newGroups, boolean last) {
		GroupMoves moves = this.groupMoves.move(queue, group, newGroups, last);
		if (last) {
			note(queue, "G", "split", group, "");
		}
		return moves;
	}

	@Override
	public List<GroupStats> groupStats(String queue, List<String> groups, long now) {
		// Plain reads sent without waiting for one another (pipelined), not a script:
		// nothing here needs them to be atomic.
		List<CompletableFuture<GroupStats>> reads = new ArrayList<>(groups.size());
		for (String group : groups) {
			CompletableFuture<Long> waiting = this.commands.zcard(this.keys.key(queue, "g:" + group))
				.toCompletableFuture();
			CompletableFuture<String> active = this.commands.hget(this.keys.key(queue, "gactive"), group)
				.toCompletableFuture();
			CompletableFuture<Map<String, String>> hash = this.commands.hgetall(this.keys.key(queue, "gstats:" + group))
				.toCompletableFuture();
			reads.add(CompletableFuture.allOf(waiting, active, hash)
				.thenApply((done) -> GroupStatsHash.read(group, waiting.join(),
						(active.join() != null) ? Long.parseLong(active.join()) : 0, hash.join(), now)));
		}
		CompletableFuture<List<GroupStats>> all = CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
			.thenApply((done) -> reads.stream().map(CompletableFuture::join).toList());
		return await(all, "read the stats of " + groups.size() + " groups of queue " + Texts.quote(queue));
	}

	@Override
	public CompletableFuture<Void> addQueue(String queue) {
		return this.commands.sadd(this.keys.queues(), queue).toCompletableFuture().thenApply((added) -> null);
	}

	@Override
	public List<String> queues() {
		return new ArrayList<>(
				await(this.commands.smembers(this.keys.queues()).toCompletableFuture(), "list the known queues"));
	}

	@Override
	public CompletableFuture<Void> writePresence(String queue, WorkerInfo pool, Duration heartbeat) {
		return this.commands
			.hset(this.keys.key(queue, "workers"), PoolPresenceHash.field(pool.instanceId(), pool.pool()),
					PoolPresenceHash.value(pool, heartbeat))
			.toCompletableFuture()
			.thenApply((added) -> null);
	}

	@Override
	public void removePresence(String queue, String instance, String pool) {
		removePresences(queue, List.of(PoolPresenceHash.field(instance, pool)));
		note(queue, "Q", "pool-left", instance + "/" + pool);
	}

	@Override
	public CompletableFuture<Void> announcePool(String queue, String instance, String pool) {
		return noteAsync(queue, "Q", "pool-joined", instance + "/" + pool);
	}

	@Override
	public List<WorkerInfo> presentPools(String queue, long now) {
		Map<String, String> stored = await(this.commands.hgetall(this.keys.key(queue, "workers")).toCompletableFuture(),
				"read the worker pool presence of queue " + Texts.quote(queue));
		List<WorkerInfo> present = new ArrayList<>();
		List<String> stale = new ArrayList<>();
		stored.forEach((field, value) -> {
			WorkerInfo pool = PoolPresenceHash.read(field, value, now);
			if (pool != null) {
				present.add(pool);
			}
			else {
				stale.add(field);
			}
		});
		removePresences(queue, stale);
		// Found by a reader: the pool stopped writing its presence without leaving.
		stale.forEach((field) -> note(queue, "Q", "pool-stale", field));
		return present;
	}

	@Override
	public CompletableFuture<Boolean> hasPresentPool(String queue, long now) {
		return this.commands.hgetall(this.keys.key(queue, "workers"))
			.toCompletableFuture()
			.thenApply((stored) -> stored.entrySet()
				.stream()
				.anyMatch((entry) -> PoolPresenceHash.read(entry.getKey(), entry.getValue(), now) != null));
	}

	/**
	 * Tell a group or queue event in the queue's stream; a failure loses only the event,
	 * never the operation it tells of, which is done.
	 */
	private void note(String queue, String... line) {
		try {
			await(noteAsync(queue, line), "tell an event of queue " + Texts.quote(queue));
		}
		catch (QueueException ex) {
			logger.debug("Could not tell the event {} of queue '{}': {}", line[1], queue, ex.getMessage());
		}
	}

	private CompletableFuture<Void> noteAsync(String queue, String... line) {
		if (this.history.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		String[] args = new String[line.length + 3];
		args[0] = this.keys.queuePrefix(queue);
		args[1] = this.history;
		// Leaving (or going stale) tells nothing to a queue removed meanwhile.
		args[2] = line[1].equals("pool-left") || line[1].equals("pool-stale") ? "1" : "";
		System.arraycopy(line, 0, args, 3, line.length);
		return this.scripts.<Long>run(Script.EVENT_NOTE, ScriptOutputType.INTEGER, queue, args)
			.thenApply((written) -> null);
	}

	private void removePresences(String queue, List<String> fields) {
		if (!fields.isEmpty()) {
			await(this.commands.hdel(this.keys.key(queue, "workers"), fields.toArray(String[]::new))
				.toCompletableFuture(), "remove worker pool presence of queue " + Texts.quote(queue));
		}
	}

	@Override
	public long purgeDead(String queue) {
		long total = 0;
		long removed;
		do {
			removed = await(
					this.scripts.<Long>run(Script.DEAD_PURGE, ScriptOutputType.INTEGER, queue,
							this.keys.queuePrefix(queue), Integer.toString(CHUNK)),
					"purge dead tasks of queue " + Texts.quote(queue));
			total += removed;
		}
		while (removed == CHUNK);
		return total;
	}

	@Override
	public long removeFinished(String queue, List<String> states, long finishedAtOrBefore) {
		long total = 0;
		long offset = 0;
		List<Object> reply;
		do {
			List<String> args = new ArrayList<>(List.of(this.keys.queuePrefix(queue), Long.toString(finishedAtOrBefore),
					Long.toString(offset), Integer.toString(CHUNK)));
			args.addAll(states);
			reply = await(this.scripts.<List<Object>>run(Script.CLEANUP, ScriptOutputType.MULTI, queue, args),
					"clean up finished tasks of queue " + Texts.quote(queue));
			total += (Long) reply.get(0);
			offset += (Long) reply.get(1);
		}
		while ((Long) reply.get(2) == CHUNK);
		return total;
	}

	@Override
	public long removeQueue(String queue, boolean withTasks) {
		String what = "remove queue " + Texts.quote(queue);
		long total = 0;
		List<Object> reply;
		do {
			reply = await(this.scripts.<List<Object>>run(Script.QUEUE_REMOVE, ScriptOutputType.MULTI, queue,
					this.keys.queuePrefix(queue), withTasks ? "1" : "", Integer.toString(CHUNK)), what);
			long removed = (Long) reply.get(0);
			if (removed < 0) {
				throw new QueueNotEmptyException(queue, new QueueCounts((Long) reply.get(1), (Long) reply.get(2),
						(Long) reply.get(3), (Long) reply.get(4), (Long) reply.get(5)));
			}
			total += removed;
		}
		while ((Long) reply.get(1) == 0);
		// Outside the queue's hash tag, so plain commands, once the queue's keys are
		// gone.
		CompletableFuture<Long> queues = this.commands.srem(this.keys.queues(), queue).toCompletableFuture();
		CompletableFuture<Long> schedules = this.commands.srem(this.keys.scheduleQueues(), queue).toCompletableFuture();
		await(queues.thenCombine(schedules, Long::sum), what);
		return total;
	}

	private <T> T await(CompletableFuture<T> future, String what) {
		return this.scripts.await(future, what);
	}

}
