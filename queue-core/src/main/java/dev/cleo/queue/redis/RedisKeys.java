/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.regex.Pattern;

import dev.cleo.queue.Names;
import dev.cleo.queue.Texts;

/**
 * Builds every Redis key Cleo uses: {@code <prefix>:{<queue>}:<kind>[:<id>]}. The storage
 * format is a public contract for operators; each key of queue {@code Q} carries the hash
 * tag {@code {Q}}, so a queue lives in one Cluster slot and every script that touches it
 * is Cluster-safe. Removing a queue ({@code queue-remove.lua}) deletes every key below,
 * except a group's {@code gstats} and {@code gwindow} once nothing of the queue names the
 * group any more: those expire by their TTLs. The pub/sub channels in the table are named
 * like keys but built and recognised by {@link RedisChannels}.
 *
 * <table>
 * <caption>Keys of one queue</caption>
 * <tr>
 * <th>key</th>
 * <th>type</th>
 * <th>holds</th>
 * <th>lifetime</th>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:t:<id>}</td>
 * <td>hash</td>
 * <td>one task: {@code name, payload, state, priority,
 * attempts, max_attempts, backoff, timeout_ms, created_at, run_at} and, as they apply,
 * {@code expire_at,
 * dedupe_id, group, notify, started_at, finished_at, worker, token, error, result, progress,
 * gscore, holds, headers} (times in epoch ms; {@code notify} = 1 when the task's end is
 * published on {@code P:{Q}:finished}; {@code gscore} the task's score in its group when
 * it was last taken, where a retry or a hand-back puts it again; {@code holds} = 1 while
 * its retry holds its group; {@code headers} the trace context of its enqueue as a JSON
 * object of strings, only when a tracer wrote some); a run a schedule fired also has
 * {@code schedule} (its name) and {@code tick} (the tick it stands for, which is also its
 * {@code run_at})</td>
 * <td>until retention removes it from {@code done} or {@code dead}</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:logs:<id>}</td>
 * <td>list</td>
 * <td>the task's log lines, trimmed to a maximum</td>
 * <td>deleted with the task</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:ready}</td>
 * <td>sorted set</td>
 * <td>waiting ids; score = (1000 - priority) &times; 2<sup>40</sup> + sequence, so higher
 * priority first, then arrival</td>
 * <td>until claimed</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:delayed}</td>
 * <td>sorted set</td>
 * <td>delayed and retry-pending ids by due time</td>
 * <td>until promoted to ready</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:active}</td>
 * <td>sorted set</td>
 * <td>leased ids by lease deadline</td>
 * <td>until acked or reaped</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:done}</td>
 * <td>sorted set</td>
 * <td>completed, cancelled, expired and dropped ids by finish time</td>
 * <td>trimmed by count and age</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:dead}</td>
 * <td>sorted set</td>
 * <td>dead-letter ids by time of death</td>
 * <td>trimmed by count and age</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:dedupe:<key>}</td>
 * <td>string with TTL</td>
 * <td>the id owning a deduplication id</td>
 * <td>the deduplication window</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:marker}</td>
 * <td>sorted set</td>
 * <td>a single member whose presence wakes one blocked worker</td>
 * <td>popped by the woken worker</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:seq}</td>
 * <td>string</td>
 * <td>the arrival counter behind ready order</td>
 * <td>the queue's lifetime</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:g:<group>}</td>
 * <td>sorted set</td>
 * <td>a group's waiting ids in the group's order ({@code order}: arrival, minus arrival
 * for LIFO, the ready score for PRIORITY); an id moved to another group by a merge or a
 * split keeps its score there</td>
 * <td>until claimed or cancelled</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:groups}</td>
 * <td>sorted set</td>
 * <td>the groups whose turn may come, in turn order ({@code P:{Q}:gturn} counts the
 * turns); a group at its concurrency leaves it until a slot frees</td>
 * <td>while the group has waiting tasks</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:gactive}</td>
 * <td>hash</td>
 * <td>leased tasks per group</td>
 * <td>a field while its group has leased tasks</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:gblocked}</td>
 * <td>hash</td>
 * <td>group to the number of its tasks whose retries it waits for (each marked
 * {@code holds}): the group stays out of turn until none is left</td>
 * <td>until that retry comes due, is cancelled or dies</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:gpaused}</td>
 * <td>set</td>
 * <td>paused groups: out of turn until resumed</td>
 * <td>from pause to resume</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:gmerged}</td>
 * <td>hash</td>
 * <td>each group merged away to the group it was merged into: tasks that still name it
 * (delayed, running, enqueued later) belong to that group (through later merges of that
 * one), and the name never takes turns again</td>
 * <td>kept: a task may name the group at any later time</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:gsplitting}</td>
 * <td>set</td>
 * <td>groups being split: out of turn meanwhile</td>
 * <td>from the first page of a split to its last</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:gwaiting}, {@code P:{Q}:gside}, {@code P:{Q}:gconf}</td>
 * <td>string, string, hash</td>
 * <td>grouped waiting tasks in all; which side (grouped or not) a claim serves first;
 * group settings: {@code concurrency} (1 when absent), {@code strategy} (round robin when
 * absent), {@code order} (FIFO when absent), {@code max-size} and {@code overflow} (no
 * maximum, FAIL), {@code rate} ({@code <tasks>/<window ms>}, none when absent),
 * {@code retry-holds}, per group {@code priority:<group>} (0 when absent),
 * {@code max-size:<group>}, {@code rate:<group>}, and {@code limits} once any per-group
 * size or rate is set (written and read in Java by {@link GroupSettingsHash})</td>
 * <td>the queue's lifetime</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:gwindow:<group>}</td>
 * <td>hash</td>
 * <td>a rate-limited group's current window: {@code start} (ms) and {@code used}
 * starts</td>
 * <td>the window and a minute more</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:glimited}</td>
 * <td>sorted set</td>
 * <td>groups that used up their window, by the window's end: out of turn until then</td>
 * <td>until the window ends</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:gstats:<group>}</td>
 * <td>hash</td>
 * <td>the group's statistics, written by {@code ack.lua} as each attempt ends:
 * {@code failed} (failed attempts, retried or not), {@code dead} (tasks that ended dead),
 * {@code duration_ms} (sum of attempt durations, from {@code started_at} to the recorded
 * outcome), {@code h:<i>} (attempts by duration: bucket 0 holds 0 ms, bucket
 * {@code i > 0} [2<sup>(i-1)/4</sup>, 2<sup>i/4</sup>) ms, bucket 121 also anything
 * longer), {@code c:<slot>} (completions in a 10-second slot, epoch ms div 10000; kept
 * for the newest slot {@code c:last} and the 6 before it) and {@code completed}
 * (completions of older slots, folded in as they leave; the group's completions are it
 * plus the {@code c:<slot>} fields)</td>
 * <td>expires when its group has no attempt ending for the completed-task retention age
 * (at least an hour): each failed attempt and each slot's first completion refresh the
 * TTL</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:paused}</td>
 * <td>string</td>
 * <td>{@code 1} while the queue is paused: claims lease nothing</td>
 * <td>from pause to resume</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:workers}</td>
 * <td>hash</td>
 * <td>the presence of each worker pool serving the queue (written and read by
 * {@link PoolPresenceHash}): one field {@code <instance>/<pool>} per pool, value
 * {@code concurrency|active|seen_at|heartbeat_ms|instance}, rewritten every
 * heartbeat</td>
 * <td>removed when the pool stops; stale fields (not seen for 3 heartbeats) are removed
 * by whoever reads them</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:sched:<name>}</td>
 * <td>hash</td>
 * <td>one schedule (see {@code docs/design/scheduling.md}). Definition: {@code task,
 * payload, priority, max_attempts, backoff, timeout_ms, ttl_ms} (0 = none), {@code group}
 * and {@code notify} ("" = none), {@code trigger} ({@code cron|<format>|<zone>|<expr>},
 * {@code rate|<ms>} or {@code delay|<ms>}), {@code misfire, catch_up_max,
 * misfire_threshold_ms, overlap}, {@code hash} (digest of the definition). State:
 * {@code next} (the next tick, ms: the value a fire compares and sets), {@code paused} (1
 * while paused), {@code last_tick, last_fired_at, last_id} (the last run),
 * {@code fired, skipped} (counts), {@code created_at, updated_at}, and for a declared
 * schedule {@code owner} and {@code declared_at}. Times by Redis's clock.</td>
 * <td>until deleted, or swept once its owner stopped declaring it</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:schedules}</td>
 * <td>sorted set</td>
 * <td>every schedule of the queue by next tick (ms); {@code +inf} while paused; a fixed
 * delay waiting for its last run to end is scored when to look again</td>
 * <td>a member per schedule</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:sched-wake}</td>
 * <td>pub/sub channel</td>
 * <td>a message whenever a schedule of the queue is saved, paused, resumed or deleted:
 * firing instances look again</td>
 * <td>not stored</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:events}</td>
 * <td>stream</td>
 * <td>with history on, one entry per script call that changed tasks: {@code n} (the
 * queue's event sequence, from {@code evseq}), {@code l} (lines so far) and {@code e},
 * lines separated by {@code \n}, fields by {@code \u001f}, the first field the type:
 * {@code N id name group
 * run_at} created ({@code run_at} "" = due now), {@code S id attempt worker wait_ms name}
 * started, {@code P id attempt percent stage name} progress,
 * {@code E id attempt outcome next
 * name group worker started_ms ended_ms wait_ms text} an attempt ended (outcome {@code c}
 * completed, {@code f} failed, {@code t} timed out, {@code l} lease expired, {@code k}
 * cancelled while running; next {@code r} retry, {@code d} dead, "" none; text the result
 * when at most 1,000 characters, else the error's first line), {@code R id name worker}
 * handed back (no attempt), {@code X id name group} expired, {@code C id name group}
 * cancelled before a start, {@code D id name group} dropped by a full group, {@code G op
 * group detail} a group operation, {@code Q op detail} a queue or pool event</td>
 * <td>trimmed to about {@code HistoryOptions.streamMaxEvents} lines and to
 * {@code streamMaxAge} every 64 entries (each entry's {@code l} is the queue's count of
 * lines written so far, {@code evlines}), and to as many entries at every entry</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:evseq}, {@code P:{Q}:evlines}</td>
 * <td>strings (integers)</td>
 * <td>the number of the queue's last event stream entry, and of the lines written</td>
 * <td>until the queue is removed</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:hr:<tier>:<start>}</td>
 * <td>hash</td>
 * <td>the statistics of one minute ({@code m}), hour ({@code h}) or UTC day ({@code d})
 * from its start (epoch ms), counted by the scripts that end attempts and tasks: fields
 * {@code <dimension>\u001f<name>\u001f<metric>}, dimension {@code q} (the queue, name
 * ""), {@code t} (a task name) or {@code w} (a worker); metrics {@code n} attempts ended,
 * {@code c} completed, {@code f} failed, {@code t} timed out, {@code l} lease expired,
 * {@code k} cancelled while running, {@code r} retried, {@code d} dead, {@code ds} and
 * {@code ws} sums of durations and queue waits (ms), {@code dh:<k>} and {@code wh:<k>}
 * their histograms ({@code k = floor(4 log2(ms + 1))}; workers have no wait histogram),
 * and for {@code q} and {@code t}: {@code x} expired, {@code C} cancelled before a start,
 * {@code D} dropped</td>
 * <td>expires when its tier's retention has passed its end</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:hbuckets}</td>
 * <td>sorted set</td>
 * <td>the rollup buckets ({@code <tier>:<start>}) by expiry time, so that removing the
 * queue finds them</td>
 * <td>a member per live bucket</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:t:<id>} field {@code a<n>}</td>
 * <td>hash field</td>
 * <td>with history on, the record of attempt {@code n} when it was retried (the hash's
 * own fields move on to the next attempt): {@code outcome next started_ms ended_ms
 * wait_ms worker error}, separated by {@code \u001f} (error: the stored error text, ""
 * when none); the last attempt is the hash's own fields, with {@code outcome} beside
 * them</td>
 * <td>as long as the task</td>
 * </tr>
 * <tr>
 * <td>{@code P:{Q}:finished}</td>
 * <td>pub/sub channel</td>
 * <td>the id of each task enqueued with {@code notify} as it reaches a final state
 * (completed, dead, expired, cancelled, dropped)</td>
 * <td>not stored</td>
 * </tr>
 * </table>
 *
 * <table>
 * <caption>Keys across queues</caption>
 * <tr>
 * <th>key</th>
 * <th>type</th>
 * <th>holds</th>
 * <th>lifetime</th>
 * </tr>
 * <tr>
 * <td>{@code P:queues}</td>
 * <td>set</td>
 * <td>every queue a task was enqueued to or a worker pool served (no hash tag: written
 * with plain commands, never from a script)</td>
 * <td>until the queue is removed; an instance enqueueing to it adds it again (at least
 * every 30 s while it enqueues)</td>
 * </tr>
 * <tr>
 * <td>{@code P:schedule-queues}</td>
 * <td>set</td>
 * <td>every queue that has had schedules (no hash tag: written with plain commands)</td>
 * <td>until the queue is removed</td>
 * </tr>
 * </table>
 */
public final class RedisKeys {

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,50}");

	private final String prefix;

	/**
	 * Create keys under the given prefix.
	 * @param prefix the key prefix, for example {@code cleo}
	 */
	public RedisKeys(String prefix) {
		if (prefix == null || !PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException(
					"Key prefix " + Texts.quote(prefix) + " is invalid: use 1 to 50 letters, digits, '.', '_' or '-'");
		}
		this.prefix = prefix;
	}

	/**
	 * Check that a queue name can be used in a key, by the rule of
	 * {@link Names#checkQueue(String)}. The manager's own methods refuse a bad queue name
	 * with this {@link IllegalArgumentException} (as they always have), where options and
	 * pool settings refuse it as an invalid option.
	 * @param queue the queue name
	 * @return the queue name
	 * @throws IllegalArgumentException when the name is not 1 to 100 letters, digits,
	 * '.', '_' or '-'
	 */
	public static String checkQueueName(String queue) {
		if (!Names.isQueue(queue)) {
			throw new IllegalArgumentException(Names.invalidQueue(queue));
		}
		return queue;
	}

	/**
	 * The prefix every key of a queue starts with; scripts build the task keys from it.
	 * @param queue the queue
	 * @return {@code <prefix>:{<queue>}:}
	 */
	public String queuePrefix(String queue) {
		return this.prefix + ":{" + queue + "}:";
	}

	/**
	 * A key of the queue.
	 * @param queue the queue
	 * @param kind the kind of key, for example {@code ready}
	 * @return the key
	 */
	public String key(String queue, String kind) {
		return queuePrefix(queue) + kind;
	}

	/**
	 * The hash of one task.
	 * @param queue the queue
	 * @param id the task id
	 * @return the key
	 */
	public String task(String queue, String id) {
		return queuePrefix(queue) + "t:" + id;
	}

	/**
	 * The log list of one task.
	 * @param queue the queue
	 * @param id the task id
	 * @return the key
	 */
	public String logs(String queue, String id) {
		return queuePrefix(queue) + "logs:" + id;
	}

	/**
	 * The registry of known queues, outside any queue's hash tag.
	 * @return {@code <prefix>:queues}
	 */
	public String queues() {
		return this.prefix + ":queues";
	}

	/**
	 * The registry of queues that have had schedules, outside any queue's hash tag.
	 * @return {@code <prefix>:schedule-queues}
	 */
	public String scheduleQueues() {
		return this.prefix + ":schedule-queues";
	}

	/**
	 * The key prefix of this instance.
	 * @return the prefix
	 */
	public String prefix() {
		return this.prefix;
	}

}
