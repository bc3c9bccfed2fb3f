/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.Retention;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskListRequest;
import dev.cleo.queue.TaskPage;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.Texts;
import dev.cleo.queue.history.HistoryOptions;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * The {@link TaskStore} on Lettuce: each operation is one {@link Script}, run with
 * {@code EVALSHA} on the shared, pipelined connection by a {@link ScriptRunner}, which
 * routes every call to the queue's slot.
 */
public final class RedisTaskStore implements TaskStore {

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final Clock clock;

	private final ScriptRunner scripts;

	private final RedisQueueCounts queueCounts;

	private final RedisChannels channels;

	private final boolean readsHeaders;

	/** The history spec the scripts take: "" (off) or "max entries:max age ms". */
	private final String history;

	private final RedisTaskLists lists;

	/**
	 * Create a store whose claims do not read the tasks' trace headers.
	 * @param connector the connections
	 * @param keys the key builder
	 * @param clock the clock whose time the scripts are given
	 * @param timeout how long a synchronous call waits for Redis
	 */
	public RedisTaskStore(RedisConnector connector, RedisKeys keys, Clock clock, Duration timeout) {
		this(connector, keys, clock, timeout, false);
	}

	/**
	 * Create a store.
	 * @param connector the connections
	 * @param keys the key builder
	 * @param clock the clock whose time the scripts are given
	 * @param timeout how long a synchronous call waits for Redis
	 * @param readsHeaders whether claims also return the trace headers stored with each
	 * task (only when attempts are observed)
	 */
	public RedisTaskStore(RedisConnector connector, RedisKeys keys, Clock clock, Duration timeout,
			boolean readsHeaders) {
		this(connector, keys, clock, timeout, readsHeaders, HistoryOptions.off());
	}

	/**
	 * Create a store that records what its history options say.
	 * @param connector the connections
	 * @param keys the key builder
	 * @param clock the clock whose time the scripts are given
	 * @param timeout how long a synchronous call waits for Redis
	 * @param readsHeaders whether claims also return the trace headers stored with each
	 * task (only when attempts are observed)
	 * @param history what the scripts record: events, attempt records
	 */
	public RedisTaskStore(RedisConnector connector, RedisKeys keys, Clock clock, Duration timeout, boolean readsHeaders,
			HistoryOptions history) {
		this.readsHeaders = readsHeaders;
		this.history = HistorySpec.of(history);
		this.commands = connector.commands();
		this.keys = keys;
		this.clock = clock;
		this.scripts = new ScriptRunner(this.commands, keys, timeout);
		this.queueCounts = new RedisQueueCounts(this.commands, keys, timeout);
		this.channels = new RedisChannels(keys);
		this.lists = new RedisTaskLists(this.commands, keys, this.scripts, clock);
	}

	@Override
	public CompletableFuture<List<EnqueueResult>> enqueue(String queue, List<NewTask> tasks, boolean allOrNothing) {
		// Headers only when a task has some: without, the script sees what it always saw
		// and one empty flag.
		boolean withHeaders = tasks.stream().anyMatch((task) -> task.headers() != null);
		List<String> args = head(queue, 5 + tasks.size() * (withHeaders ? 14 : 13));
		args.add(allOrNothing ? "1" : "");
		args.add(withHeaders ? "1" : "");
		args.add(this.history);
		tasks.forEach((task) -> task.addArgs(args, withHeaders));
		CompletableFuture<List<Object>> script = run(Script.ENQUEUE, queue, args);
		return RedisCalls.cancelling(script.thenApply(ScriptReplies::enqueued), script);
	}

	@Override
	public ClaimBatch claim(String queue, int count, Duration lease, String worker) {
		return RedisCalls.await(claimAsync(queue, count, lease, worker), this.scripts.timeout().plusMillis(100),
				"claim tasks from queue " + Texts.quote(queue));
	}

	@Override
	public CompletableFuture<ClaimBatch> claimAsync(String queue, int count, Duration lease, String worker) {
		List<String> args = head(queue, 9);
		args.add(Integer.toString(count));
		args.add(Long.toString(lease.toMillis()));
		// Tokens must be unique per claim, not secret (Redis access is the trust
		// boundary): no SecureRandom here.
		args.add(Long.toHexString(ThreadLocalRandom.current().nextLong()) + Long.toHexString(System.nanoTime()));
		args.add(worker);
		args.add(Integer.toString(Math.max(count, 1000)));
		boolean withHeaders = this.readsHeaders;
		args.add(withHeaders ? "1" : "");
		args.add(this.history);
		return this.scripts
			.within(this.<List<Object>>run(Script.CLAIM, queue, args), "claim tasks from queue " + Texts.quote(queue))
			.thenApply((reply) -> ScriptReplies.claimed(queue, reply, withHeaders));
	}

	@Override
	public List<AckResult> ack(String queue, List<Outcome> outcomes, Retention retention) {
		return RedisCalls.await(ackAsync(queue, outcomes, retention), this.scripts.timeout().plusMillis(100),
				"record task outcomes on queue " + Texts.quote(queue));
	}

	@Override
	public CompletableFuture<List<AckResult>> ackAsync(String queue, List<Outcome> outcomes, Retention retention) {
		List<String> args = head(queue, 7 + outcomes.size() * 5);
		args.add(Long.toString(retention.completedMaxCount()));
		args.add(Long.toString(retention.completedMaxAge().toMillis()));
		args.add(Long.toString(retention.deadMaxCount()));
		args.add(Long.toString(retention.deadMaxAge().toMillis()));
		args.add(this.history);
		outcomes.forEach((outcome) -> outcome.addArgs(args));
		return this.scripts
			.within(this.<List<Object>>run(Script.ACK, queue, args),
					"record task outcomes on queue " + Texts.quote(queue))
			.thenApply(ScriptReplies::acked);
	}

	@Override
	public List<LostLease> extend(String queue, List<Lease> leases, Duration lease) {
		List<String> args = new ArrayList<>(2 + leases.size() * 2);
		args.add(this.keys.queuePrefix(queue));
		args.add(Long.toString(this.clock.millis() + lease.toMillis()));
		leases.forEach((held) -> {
			args.add(held.id());
			args.add(held.token());
		});
		return ScriptReplies.lost(call(Script.EXTEND, queue, args, "extend leases on queue " + Texts.quote(queue)));
	}

	@Override
	public List<ExpiredLease> expiredLeases(String queue, int limit) {
		List<String> args = head(queue, 3);
		args.add(Integer.toString(limit));
		List<Object> reply = call(Script.REAP, queue, args, "find expired leases on queue " + Texts.quote(queue));
		return ScriptReplies.expired(reply);
	}

	@Override
	public int release(String queue, List<Lease> leases) {
		List<String> args = new ArrayList<>(1 + leases.size() * 2);
		args.add(this.keys.queuePrefix(queue));
		leases.forEach((held) -> {
			args.add(held.id());
			args.add(held.token());
		});
		Long released = this.scripts.call(Script.RELEASE, ScriptOutputType.INTEGER, queue, args,
				"hand leases back on queue " + Texts.quote(queue));
		return released.intValue();
	}

	@Override
	public CompletableFuture<Boolean> report(String queue, Lease lease, Integer progress, String stage, String logLine,
			int maxLogLines) {
		List<String> args = List.of(this.keys.queuePrefix(queue), lease.id(), lease.token(),
				(progress != null) ? progress.toString() : "", (logLine != null) ? logLine : "",
				Integer.toString(maxLogLines), this.history, (stage != null) ? stage : "");
		return this.scripts.<Long>run(Script.REPORT, ScriptOutputType.INTEGER, queue, args)
			.thenApply((written) -> written == 1);
	}

	@Override
	public CancelResult cancel(String queue, String id) {
		List<String> args = head(queue, 4);
		args.add(id);
		args.add(this.history);
		List<Object> reply = call(Script.CANCEL, queue, args,
				"cancel task " + Texts.quote(id) + " on queue " + Texts.quote(queue));
		long code = (Long) reply.get(0);
		return new CancelResult(code >= 1, code >= 0, (reply.size() > 1) ? (String) reply.get(1) : null, code == 2);
	}

	@Override
	public Optional<TaskInfo> find(String queue, String id) {
		Map<String, String> hash = await(this.commands.hgetall(this.keys.task(queue, id)),
				"read task " + Texts.quote(id) + " on queue " + Texts.quote(queue));
		return hash.isEmpty() ? Optional.empty() : Optional.of(TaskInfoReader.read(queue, id, hash));
	}

	@Override
	public CompletableFuture<List<TaskEnd>> ends(String queue, List<String> ids) {
		List<String> args = new ArrayList<>(1 + ids.size());
		args.add(this.keys.queuePrefix(queue));
		args.addAll(ids);
		return this.scripts
			.within(this.<List<Object>>run(Script.TASK_ENDS, queue, args),
					"read the state of tasks on queue " + Texts.quote(queue))
			.thenApply((reply) -> ScriptReplies.ends(ids, reply));
	}

	@Override
	public String finishedChannel(String queue) {
		return this.channels.finished(queue);
	}

	@Override
	public List<String> logs(String queue, String id) {
		return await(this.commands.lrange(this.keys.logs(queue, id), 0, -1), "read the log of task " + Texts.quote(id));
	}

	@Override
	public List<TaskInfo> dead(String queue, int offset, int limit) {
		List<String> ids = await(this.commands.zrevrange(this.keys.key(queue, "dead"), offset, offset + limit - 1L),
				"list dead tasks of queue " + Texts.quote(queue));
		return read(queue, ids, "dead");
	}

	@Override
	public TaskPage list(String queue, TaskState state, TaskListRequest request) {
		return this.lists.list(queue, state, request);
	}

	/** Reads listed tasks in one pipelined round; a task gone meanwhile is left out. */
	private List<TaskInfo> read(String queue, List<String> ids, String place) {
		List<RedisFuture<Map<String, String>>> hashes = ids.stream()
			.map((id) -> this.commands.hgetall(this.keys.task(queue, id)))
			.toList();
		List<TaskInfo> tasks = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			Map<String, String> hash = await(hashes.get(i), "read " + place + " task " + ids.get(i));
			if (!hash.isEmpty()) {
				tasks.add(TaskInfoReader.read(queue, ids.get(i), hash));
			}
		}
		return tasks;
	}

	@Override
	public List<String> retryDead(String queue, List<String> ids, int max) {
		List<String> args = head(queue, 3 + ids.size());
		args.add(Integer.toString(max));
		args.addAll(ids);
		return ScriptReplies
			.strings(call(Script.DEAD_RETRY, queue, args, "retry dead tasks of queue " + Texts.quote(queue)));
	}

	@Override
	public long deleteDead(String queue, List<String> ids) {
		List<String> args = new ArrayList<>(1 + ids.size());
		args.add(this.keys.queuePrefix(queue));
		args.addAll(ids);
		return this.scripts.call(Script.DEAD_DELETE, ScriptOutputType.INTEGER, queue, args,
				"delete dead tasks of queue " + Texts.quote(queue));
	}

	@Override
	public QueueCounts counts(String queue) {
		return this.scripts.await(countsAsync(List.of(queue)), "count tasks of queue " + Texts.quote(queue)).get(queue);
	}

	@Override
	public CompletableFuture<Map<String, QueueCounts>> countsAsync(Collection<String> queues) {
		return this.queueCounts.read(queues);
	}

	@Override
	public CompletableFuture<Void> wakeAsync(String queue) {
		return this.commands.zadd(markerKey(queue), 0, "m").toCompletableFuture().thenApply((added) -> null);
	}

	@Override
	public String markerKey(String queue) {
		return this.keys.key(queue, "marker");
	}

	private List<String> head(String queue, int size) {
		List<String> args = new ArrayList<>(size);
		args.add(this.keys.queuePrefix(queue));
		args.add(Long.toString(this.clock.millis()));
		return args;
	}

	private <T> CompletableFuture<T> run(Script script, String queue, List<String> args) {
		return this.scripts.run(script, ScriptOutputType.MULTI, queue, args);
	}

	private List<Object> call(Script script, String queue, List<String> args, String what) {
		return this.scripts.call(script, ScriptOutputType.MULTI, queue, args, what);
	}

	private <T> T await(RedisFuture<T> future, String what) {
		return this.scripts.await(future, what);
	}

}
