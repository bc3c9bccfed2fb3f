/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import dev.cleo.queue.redis.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The counter inside the handler for {@link GroupGuaranteesTests}, shared by every worker
 * JVM through Redis. A handler enters it on start and leaves it on return; an entry is
 * one attempt, {@code <task key>|<attempt>|<worker>}, kept in its group's set while the
 * handler runs.
 *
 * <p>
 * What it counts is what Cleo promises: the slots Redis hands out. On entering, one
 * script (atomic with Cleo's own scripts) counts the group's running handlers that still
 * <em>hold their lease</em> (the task is active, on this attempt, with a token) and
 * records the most per group, and a violation when they exceed the group concurrency. A
 * handler whose lease expired and was reaped still runs (a frozen or slow process cannot
 * be stopped from outside), but it holds no slot: its token is void, so its outcome is
 * fenced off. Such a stale handler is counted apart, in the raw count, and noted as
 * overlapped when a fresh handler of its group starts beside it; on leaving, a handler
 * that no longer held its lease is noted as fenced.
 *
 * <p>
 * The handler itself sleeps 1-5 ms, or 120-200 ms one time in ten: the long ones outlive
 * the leases of a worker whose heartbeats cannot keep them. It returns its attempt
 * number, so the result stored shows which attempt won.
 */
final class SlotProbe implements AutoCloseable {

	/** Whether an entry's attempt still holds its task's lease. */
	private static final String HOLDS = """
			local function holds(entry)
			  local key, attempt = string.match(entry, "^(.-)|(%d+)|")
			  local f = redis.call("HMGET", key, "state", "attempts", "token")
			  return f[1] == "active" and f[2] == attempt and f[3] and f[3] ~= ""
			end
			""";

	private static final String ENTER = HOLDS + """
			local group, entry, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
			local running = "probe:running:" .. group
			redis.call("SADD", running, entry)
			redis.call("HSET", "probe:entries", entry, group)
			local live, stale = {}, {}
			for _, e in ipairs(redis.call("SMEMBERS", running)) do
			  if holds(e) then live[#live + 1] = e else stale[#stale + 1] = e end
			end
			local function most(key, n)
			  if n > tonumber(redis.call("HGET", key, group) or "0") then redis.call("HSET", key, group, n) end
			end
			most("probe:most-live", #live)
			most("probe:most-raw", #live + #stale)
			if #stale > 0 then redis.call("SADD", "probe:overlapped", unpack(stale)) end
			if #live > limit then
			  redis.call("RPUSH", "probe:violations", group .. " had " .. #live .. " live: " .. table.concat(live, " "))
			end
			return #live
			""";

	private static final String LEAVE = HOLDS + """
			local group, entry = ARGV[1], ARGV[2]
			redis.call("SREM", "probe:running:" .. group, entry)
			redis.call("HDEL", "probe:entries", entry)
			if not holds(entry) then redis.call("SADD", "probe:fenced", entry) end
			return 0
			""";

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final RedisKeys keys = new RedisKeys("cleo");

	private final int limit;

	/**
	 * @param redisUri the Redis the queue lives in
	 * @param limit the group concurrency, above which live handlers are a violation
	 */
	SlotProbe(String redisUri, int limit) {
		this.client = RedisClient.create(redisUri);
		this.connection = this.client.connect();
		this.limit = limit;
	}

	/**
	 * The probed handler for tasks whose payload is a {@link Job}.
	 * @param worker the worker's label, part of each entry
	 * @return the handler
	 */
	TaskHandler handler(String worker) {
		return (task) -> {
			String group = task.payload(Job.class).group();
			String entry = this.keys.task(task.queue(), task.id()) + "|" + task.attempt() + "|" + worker;
			run(ENTER, group, entry, Integer.toString(this.limit));
			try {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				Thread.sleep((random.nextInt(10) == 0) ? random.nextInt(120, 200) : random.nextInt(1, 5));
			}
			finally {
				run(LEAVE, group, entry);
			}
			return task.attempt();
		};
	}

	/** Groups with the most handlers that held their leases at once. */
	Map<String, Integer> mostLive() {
		return counts("probe:most-live");
	}

	/** Groups with the most handlers running at once, stale ones included. */
	Map<String, Integer> mostRaw() {
		return counts("probe:most-raw");
	}

	/**
	 * Each time a group had more live handlers than its concurrency, with the entries.
	 */
	List<String> violations() {
		return commands().lrange("probe:violations", 0, -1);
	}

	/**
	 * Entries that still ran, their lease lost, when a handler of their group started.
	 */
	Set<String> overlapped() {
		return commands().smembers("probe:overlapped");
	}

	/** Entries whose handler returned after its lease was lost. */
	Set<String> fenced() {
		return commands().smembers("probe:fenced");
	}

	/** Entries of one worker whose handlers run now. */
	Set<String> runningOn(String worker) {
		return commands().hkeys("probe:entries")
			.stream()
			.filter((entry) -> entry.endsWith("|" + worker))
			.collect(Collectors.toSet());
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

	private Map<String, Integer> counts(String key) {
		return commands().hgetall(key)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> Integer.parseInt(entry.getValue())));
	}

	private void run(String script, String... args) {
		commands().eval(script, ScriptOutputType.INTEGER, new String[0], args);
	}

	private RedisCommands<String, String> commands() {
		return this.connection.sync();
	}

	/** The payload of a probed task. */
	record Job(String group, int index) {
	}

}
