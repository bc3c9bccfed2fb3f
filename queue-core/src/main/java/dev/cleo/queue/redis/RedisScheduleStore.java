/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.Texts;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * The {@link ScheduleStore} on Lettuce: one script per change (the {@code schedule-*}
 * scripts, which share the {@code schedule} include), plain reads for listing. The first
 * key of every call is the queue's {@code schedules} set, so a Cluster client routes it
 * to the queue's slot.
 */
public final class RedisScheduleStore implements ScheduleStore {

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final ScriptRunner scripts;

	private final RedisChannels channels;

	/**
	 * Create a store.
	 * @param connector the connections
	 * @param keys the key builder
	 * @param timeout how long a call waits for Redis
	 */
	public RedisScheduleStore(RedisConnector connector, RedisKeys keys, Duration timeout) {
		this.commands = connector.commands();
		this.keys = keys;
		this.scripts = new ScriptRunner(this.commands, keys, timeout);
		this.channels = new RedisChannels(keys);
	}

	@Override
	public int save(String queue, NewSchedule schedule) {
		// The registry has no hash tag, so it is written beside the script, not from it.
		CompletableFuture<Long> registered = this.commands.sadd(this.keys.scheduleQueues(), queue)
			.toCompletableFuture();
		List<String> args = new ArrayList<>(List.of(this.keys.queuePrefix(queue)));
		schedule.addArgs(args);
		List<Object> reply = run(Script.SCHEDULE_SAVE, queue, args, "save schedule " + Texts.quote(schedule.name()));
		await(registered, "register the schedules of queue " + Texts.quote(queue));
		return ((Long) reply.get(0)).intValue();
	}

	@Override
	public DueSchedules due(String queue, int limit) {
		List<Object> reply = run(Script.SCHEDULE_DUE, queue,
				List.of(this.keys.queuePrefix(queue), Integer.toString(limit)),
				"read the due schedules of queue " + Texts.quote(queue));
		List<StoredSchedule> due = new ArrayList<>();
		int i = 2;
		while (i < reply.size()) {
			String name = (String) reply.get(i);
			int length = ((Long) reply.get(i + 1)).intValue();
			Map<String, String> hash = new HashMap<>();
			for (int j = i + 2; j < i + 2 + length; j += 2) {
				hash.put((String) reply.get(j), (String) reply.get(j + 1));
			}
			due.add(StoredSchedule.of(queue, name, hash, null));
			i += 2 + length;
		}
		return new DueSchedules((Long) reply.get(0), (Long) reply.get(1), due);
	}

	@Override
	public FireResult fire(String queue, String name, String expectedNext, long nextTick, long skipped,
			List<ScheduledRun> ticks, long recheckMillis) {
		List<String> args = new ArrayList<>(List.of(this.keys.queuePrefix(queue), name, "tick", expectedNext,
				Long.toString(nextTick), Long.toString(skipped), Long.toString(recheckMillis)));
		for (ScheduledRun run : ticks) {
			args.add(Long.toString(run.tick()));
			args.add(run.id());
		}
		return FireResult.of(run(Script.SCHEDULE_FIRE, queue, args, "fire schedule " + Texts.quote(name)));
	}

	@Override
	public FireResult runNow(String queue, String name, String id) {
		List<String> args = List.of(this.keys.queuePrefix(queue), name, "now", "", "0", "0", "0", "0", id);
		return FireResult.of(run(Script.SCHEDULE_FIRE, queue, args, "run schedule " + Texts.quote(name) + " now"));
	}

	@Override
	public int pause(String queue, String name) {
		return state(queue, name, "pause", "0");
	}

	@Override
	public int resume(String queue, String name, long nextTick) {
		return state(queue, name, "resume", Long.toString(nextTick));
	}

	@Override
	public int delete(String queue, String name) {
		return state(queue, name, "delete", "0");
	}

	private int state(String queue, String name, String op, String next) {
		Long done = await(this.scripts.<Long>run(Script.SCHEDULE_STATE, ScriptOutputType.INTEGER, queue,
				this.keys.queuePrefix(queue), name, op, next), op + " schedule " + Texts.quote(name));
		return done.intValue();
	}

	@Override
	public List<String> declared(String queue, String owner, long graceMillis, List<String> names) {
		List<String> args = new ArrayList<>(List.of(this.keys.queuePrefix(queue), owner, Long.toString(graceMillis)));
		args.addAll(names);
		return run(Script.SCHEDULE_DECLARED, queue, args, "reconcile the schedules of queue " + Texts.quote(queue))
			.stream()
			.map(String.class::cast)
			.toList();
	}

	@Override
	public List<StoredSchedule> list(String queue) {
		List<String> names = await(this.commands.zrange(this.keys.key(queue, "schedules"), 0, -1),
				"list the schedules of queue " + Texts.quote(queue));
		return read(queue, names);
	}

	@Override
	public Optional<StoredSchedule> find(String queue, String name) {
		return read(queue, List.of(name)).stream().findFirst();
	}

	/** Reads schedules, then the states of their last runs: two pipelined rounds. */
	private List<StoredSchedule> read(String queue, List<String> names) {
		List<RedisFuture<Map<String, String>>> hashes = names.stream()
			.map((name) -> this.commands.hgetall(this.keys.key(queue, "sched:" + name)))
			.toList();
		List<Map<String, String>> read = new ArrayList<>();
		List<RedisFuture<String>> states = new ArrayList<>();
		for (RedisFuture<Map<String, String>> hash : hashes) {
			Map<String, String> fields = await(hash, "read a schedule of queue " + Texts.quote(queue));
			read.add(fields);
			String last = fields.get("last_id");
			states.add((last != null) ? this.commands.hget(this.keys.task(queue, last), "state") : null);
		}
		List<StoredSchedule> schedules = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			if (!read.get(i).isEmpty()) {
				String state = (states.get(i) != null) ? await(states.get(i), "read the last run of a schedule") : null;
				schedules.add(StoredSchedule.of(queue, names.get(i), read.get(i), state));
			}
		}
		return schedules;
	}

	@Override
	public List<String> scheduleQueues() {
		return List.copyOf(await(this.commands.smembers(this.keys.scheduleQueues()), "list the schedule queues"));
	}

	@Override
	public RedisChannels channels() {
		return this.channels;
	}

	private List<Object> run(Script script, String queue, List<String> args, String what) {
		return this.scripts.call(script, ScriptOutputType.MULTI, queue, args, what);
	}

	private <T> T await(RedisFuture<T> future, String what) {
		return this.scripts.await(future, what);
	}

	private <T> T await(CompletableFuture<T> future, String what) {
		return this.scripts.await(future, what);
	}

}
