/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEventListener;
import dev.cleo.queue.redis.RedisCalls;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.schedule.Schedules;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;
import dev.cleo.queue.worker.WorkerServices;

/**
 * The entry point: enqueue tasks, register their handlers, start worker pools, look tasks
 * up, manage dead letters and listen to events. Thread-safe; build one per application
 * with {@link #builder()}.
 *
 * <pre>{@code
 * QueueManager queues = QueueManager.builder().redisUri("redis://localhost:6379").build();
 * queues.register("send-email", (task) -> mailer.send(task.payload(Email.class)));
 * queues.startWorkers(WorkerPoolOptions.builder().queue("emails").concurrency(20).build());
 * queues.enqueue("send-email", email, TaskOptions.defaults().queue("emails"));
 * }</pre>
 */
public final class QueueManager implements TaskEnqueuer, AutoCloseable {

	private final QueueEngine engine;

	private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();

	private final List<WorkerPool> pools = new CopyOnWriteArrayList<>();

	private final TaskWriter writer;

	private final QueueInspector inspector;

	private final Schedules schedules;

	private CompletionWatcher completions;

	private boolean closed;

	QueueManager(QueueEngine engine) {
		this.engine = engine;
		this.writer = new TaskWriter(this, engine);
		this.inspector = new QueueInspector(engine);
		this.schedules = new Schedules(engine.schedules(), engine.serializer(), engine.connector(), this::servedQueues,
				engine.maxPayloadSize());
	}

	/**
	 * Start building a manager.
	 * @return a builder
	 */
	public static QueueManagerBuilder builder() {
		return new QueueManagerBuilder();
	}

	/**
	 * Register the handler of a task name; workers of any queue run it for tasks of that
	 * name.
	 * @param name the task name
	 * @param handler the handler
	 * @return this manager
	 */
	public QueueManager register(String name, TaskHandler handler) {
		this.handlers.put(TaskRequest.checkName(name), handler);
		return this;
	}

	/**
	 * The task names with a handler here.
	 * @return the names
	 */
	public Set<String> registeredTasks() {
		return Set.copyOf(this.handlers.keySet());
	}

	/**
	 * Enqueue a task with default options.
	 * @param name the task name
	 * @param payload the payload
	 * @return the handle
	 * @throws PayloadTooLargeException when the payload is over {@link #maxPayloadSize()}
	 */
	public TaskHandle<Object> enqueue(String name, Object payload) {
		return enqueue(TaskRequest.of(name, payload));
	}

	/**
	 * Enqueue a task.
	 * @param name the task name
	 * @param payload the payload
	 * @param options the options
	 * @return the handle
	 * @throws PayloadTooLargeException when the payload is over {@link #maxPayloadSize()}
	 */
	public TaskHandle<Object> enqueue(String name, Object payload, TaskOptions options) {
		return enqueue(TaskRequest.of(name, payload, options));
	}

	@Override
	public TaskHandle<Object> enqueue(TaskRequest request) {
		return enqueueAll(List.of(request)).get(0);
	}

	/**
	 * Enqueue many tasks: one round trip per queue among them.
	 * @param requests the tasks
	 * @return their handles, in order
	 * @throws PayloadTooLargeException when a payload is over {@link #maxPayloadSize()}:
	 * then no task of the batch is sent
	 * @throws QueueUnavailableException when Redis does not answer within the command
	 * timeout
	 */
	public List<TaskHandle<Object>> enqueueAll(List<TaskRequest> requests) {
		return RedisCalls.await(enqueueAllAsync(requests), this.engine.commandTimeout(), "enqueue tasks");
	}

	/**
	 * Enqueue many tasks without waiting for Redis.
	 * @param requests the tasks
	 * @return their handles, in order, once Redis stored them
	 * @throws PayloadTooLargeException at the call, when a payload is over
	 * {@link #maxPayloadSize()}: then no task of the batch is sent
	 */
	public CompletableFuture<List<TaskHandle<Object>>> enqueueAllAsync(List<TaskRequest> requests) {
		return this.writer.write(requests);
	}

	/**
	 * Read a task.
	 * @param queue the queue
	 * @param id the task id
	 * @return the task, or empty when there is none (or retention removed it)
	 */
	public Optional<TaskInfo> task(String queue, String id) {
		return this.engine.store().find(RedisKeys.checkQueueName(queue), id);
	}

	/**
	 * Read a task's log lines.
	 * @param queue the queue
	 * @param id the task id
	 * @return the lines, oldest first
	 */
	public List<String> taskLogs(String queue, String id) {
		return this.engine.store().logs(RedisKeys.checkQueueName(queue), id);
	}

	/**
	 * Cancel a task: one that has not started (waiting, delayed, or failed and waiting
	 * for its retry), or one that is running. Either way it ends {@code cancelled} at
	 * once, never runs (again) and is never retried, and a
	 * {@link TaskHandle#completion()} waiting on it fails with
	 * {@link TaskFailedException}. A running task's lease is revoked in the same step,
	 * and its group slot freed, so the group's next task may start; its worker learns of
	 * it with its next heartbeat (within {@code WorkerPoolOptions.heartbeat}, a third of
	 * the lease by default), interrupts the handler ({@link TaskContext#isLeaseLost()} is
	 * then true) and drops whatever the handler returns. A handler that ignores
	 * interruption runs on until it returns, but nothing it does is recorded any more.
	 * @param queue the queue
	 * @param id the task id
	 * @return true when it is now cancelled; false when it had finished already or is
	 * unknown
	 */
	public boolean cancel(String queue, String id) {
		return this.engine.store().cancel(RedisKeys.checkQueueName(queue), id).cancelled();
	}

	/**
	 * The dead-letter queue of a queue.
	 * @param queue the queue
	 * @return its dead-letter queue
	 */
	public DeadLetterQueue deadLetters(String queue) {
		return new DeadLetterQueue(this.engine.store(), this.engine.admin(), RedisKeys.checkQueueName(queue));
	}

	/**
	 * Count a queue's tasks by place.
	 * @param queue the queue
	 * @return the counts
	 */
	public QueueCounts counts(String queue) {
		return this.engine.store().counts(RedisKeys.checkQueueName(queue));
	}

	/**
	 * Count the tasks of several queues by place in one pipelined round trip: every read
	 * is sent before any answer is awaited, so a scrape or a health check that reads many
	 * queues waits for Redis once, not once per queue (on a Cluster each queue is read
	 * from its own master, in parallel).
	 * @param queues the queues; a queue named twice is read once
	 * @return the counts by queue, in the order given (a queue nothing was ever enqueued
	 * to counts zeros)
	 * @throws IllegalArgumentException when a queue name is invalid (before anything is
	 * sent)
	 * @throws QueueUnavailableException when Redis does not answer within the command
	 * timeout
	 */
	public Map<String, QueueCounts> counts(Collection<String> queues) {
		return RedisCalls.await(countsAsync(queues), this.engine.commandTimeout().plusMillis(100),
				"count the tasks of " + queues.size() + " queues");
	}

	/**
	 * Count the tasks of several queues by place without waiting for Redis, as
	 * {@link #counts(Collection)} does.
	 * @param queues the queues; a queue named twice is read once
	 * @return the counts by queue, in the order given; fails with
	 * {@link QueueUnavailableException} when Redis does not answer within the command
	 * timeout (one timeout for all the queues)
	 * @throws IllegalArgumentException when a queue name is invalid (before anything is
	 * sent)
	 */
	public CompletableFuture<Map<String, QueueCounts>> countsAsync(Collection<String> queues) {
		List<String> checked = queues.stream().map(RedisKeys::checkQueueName).toList();
		return this.engine.store().countsAsync(checked);
	}

	/**
	 * Pause a queue: no worker on any instance claims from it until it is resumed.
	 * Enqueueing goes on; running tasks finish.
	 * @param queue the queue
	 */
	public void pause(String queue) {
		this.engine.admin().setPaused(RedisKeys.checkQueueName(queue), true);
	}

	/**
	 * Resume a paused queue; idle workers are woken at once.
	 * @param queue the queue
	 */
	public void resume(String queue) {
		this.engine.admin().setPaused(RedisKeys.checkQueueName(queue), false);
	}

	/**
	 * Whether a queue is paused.
	 * @param queue the queue
	 * @return true when paused
	 */
	public boolean isPaused(String queue) {
		return this.engine.admin().isPaused(RedisKeys.checkQueueName(queue));
	}

	/**
	 * Set how many tasks of any one group of a queue run at once, across every instance.
	 * The default, 1, runs each group's tasks one at a time in the order they were
	 * enqueued; groups take turns.
	 * @param queue the queue
	 * @param concurrency 1 to 10000
	 * @throws InvalidTaskOptionException when the concurrency is out of range
	 */
	public void setGroupConcurrency(String queue, int concurrency) {
		if (concurrency < 1 || concurrency > 10_000) {
			throw new InvalidTaskOptionException("group concurrency must be between 1 and 10000, was " + concurrency);
		}
		this.engine.admin()
			.setGroupSetting(RedisKeys.checkQueueName(queue), "concurrency", Integer.toString(concurrency));
	}

	/**
	 * Choose how a queue picks the group whose task runs next; applies from the next
	 * claim on every instance.
	 * @param queue the queue
	 * @param strategy the strategy
	 */
	public void setGroupProcessingStrategy(String queue, GroupProcessingStrategy strategy) {
		this.engine.admin()
			.setGroupSetting(RedisKeys.checkQueueName(queue), "strategy", Objects.requireNonNull(strategy).name());
	}

	/**
	 * How a queue picks the group whose task runs next.
	 * @param queue the queue
	 * @return the strategy, {@link GroupProcessingStrategy#ROUND_ROBIN} unless set
	 */
	public GroupProcessingStrategy groupProcessingStrategy(String queue) {
		return groupSettings(queue).strategy();
	}

	/**
	 * Set a group's priority, which {@link GroupProcessingStrategy#PRIORITY} follows:
	 * higher first.
	 * @param queue the queue
	 * @param group the group
	 * @param priority 0 (the default) to 1000
	 * @throws InvalidTaskOptionException when the priority is out of range
	 */
	public void setGroupPriority(String queue, String group, int priority) {
		if (priority < 0 || priority > 1000) {
			throw new InvalidTaskOptionException("group priority must be between 0 and 1000, was " + priority);
		}
		this.engine.admin()
			.setGroupSetting(RedisKeys.checkQueueName(queue), "priority:" + checkGroup(group),
					Integer.toString(priority));
	}

	/**
	 * Choose whether a task waiting for its retry holds its group until it ends (the
	 * default, which keeps each group's order across retries) or lets the group's other
	 * tasks go on meanwhile.
	 * @param queue the queue
	 * @param holds true to hold the group, false to let it move on
	 */
	public void setGroupHeldForRetries(String queue, boolean holds) {
		this.engine.admin().setGroupSetting(RedisKeys.checkQueueName(queue), "retry-holds", holds ? "1" : "0");
	}

	/**
	 * Choose the order in which each group's waiting tasks start: FIFO (the default),
	 * LIFO or by task priority. The order is part of how waiting tasks are stored, so it
	 * can change only while no grouped task of the queue waits.
	 * @param queue the queue
	 * @param order the order
	 * @throws InvalidTaskOptionException when grouped tasks wait and the order differs
	 */
	public void setGroupOrder(String queue, GroupOrder order) {
		this.engine.admin()
			.setGroupSetting(RedisKeys.checkQueueName(queue), "order", Objects.requireNonNull(order).name());
	}

	/**
	 * The order in which each group's waiting tasks start.
	 * @param queue the queue
	 * @return the order, {@link GroupOrder#FIFO} unless set
	 */
	public GroupOrder groupOrder(String queue) {
		return groupSettings(queue).order();
	}

	/**
	 * Bound how many tasks wait in each group of a queue; what enqueueing beyond it does
	 * is the queue's {@link #setGroupOverflow(String, GroupOverflow) overflow}. Delayed
	 * tasks and retries count once they are due, and are never refused or dropped then.
	 * @param queue the queue
	 * @param maxSize the most waiting tasks per group, 1 to 1000000000; 0 for no maximum
	 * (the default)
	 * @throws InvalidTaskOptionException when the size is out of range
	 */
	public void setGroupMaxSize(String queue, int maxSize) {
		this.engine.admin()
			.setGroupSetting(RedisKeys.checkQueueName(queue), "max-size", Integer.toString(checkMaxSize(maxSize)));
	}

	/**
	 * Bound how many tasks wait in one group, in place of the queue's maximum.
	 * @param queue the queue
	 * @param group the group
	 * @param maxSize the most waiting tasks, 1 to 1000000000; 0 for no maximum; -1 to
	 * follow the queue's maximum again
	 * @throws InvalidTaskOptionException when the size is out of range
	 */
	public void setGroupMaxSize(String queue, String group, int maxSize) {
		String value = (maxSize == -1) ? "" : Integer.toString(checkMaxSize(maxSize));
		this.engine.admin().setGroupSetting(RedisKeys.checkQueueName(queue), "max-size:" + checkGroup(group), value);
	}

	private static int checkMaxSize(int maxSize) {
		if (maxSize < 0 || maxSize > 1_000_000_000) {
			throw new InvalidTaskOptionException(
					"group max size must be between 1 and 1000000000, or 0 for no maximum, was " + maxSize);
		}
		return maxSize;
	}

	/**
	 * Choose what enqueueing to a full group does: refuse the task with a
	 * {@link GroupFullException} (the default) or drop the group's oldest waiting task.
	 * @param queue the queue
	 * @param overflow what happens
	 */
	public void setGroupOverflow(String queue, GroupOverflow overflow) {
		this.engine.admin()
			.setGroupSetting(RedisKeys.checkQueueName(queue), "overflow", Objects.requireNonNull(overflow).name());
	}

	/**
	 * Limit how often each group of a queue starts tasks, across every instance.
	 * @param queue the queue
	 * @param limit the limit, or {@code null} for none (the default)
	 */
	public void setGroupRateLimit(String queue, GroupRateLimit limit) {
		this.engine.admin()
			.setGroupSetting(RedisKeys.checkQueueName(queue), "rate", (limit != null) ? limit.encode() : "");
	}

	/**
	 * Limit how often one group starts tasks, in place of the queue's limit.
	 * @param queue the queue
	 * @param group the group
	 * @param limit the limit, or {@code null} to follow the queue's limit again
	 */
	public void setGroupRateLimit(String queue, String group, GroupRateLimit limit) {
		this.engine.admin()
			.setGroupSetting(RedisKeys.checkQueueName(queue), "rate:" + checkGroup(group),
					(limit != null) ? limit.encode() : "");
	}

	/**
	 * The rate limit that applies to one group of a queue: its own, else the queue's.
	 * @param queue the queue
	 * @param group the group
	 * @return the limit, or {@code null} when none applies
	 */
	public GroupRateLimit groupRateLimit(String queue, String group) {
		String name = RedisKeys.checkQueueName(queue);
		String own = this.engine.admin().groupSetting(name, "rate:" + checkGroup(group));
		String rate = (own != null) ? own : this.engine.admin().groupSetting(name, "rate");
		return (rate != null) ? GroupRateLimit.decode(rate) : null;
	}

	/**
	 * Pause one group of a queue: no instance starts its tasks until it is resumed; its
	 * running tasks finish, enqueueing to it goes on, and other groups run as before.
	 * @param queue the queue
	 * @param group the group
	 */
	public void pauseGroup(String queue, String group) {
		this.engine.admin().setGroupPaused(RedisKeys.checkQueueName(queue), checkGroup(group), true);
	}

	/**
	 * Resume a paused group; its waiting tasks take their turns again at once.
	 * @param queue the queue
	 * @param group the group
	 */
	public void resumeGroup(String queue, String group) {
		this.engine.admin().setGroupPaused(RedisKeys.checkQueueName(queue), checkGroup(group), false);
	}

	/**
	 * Whether one group of a queue is paused.
	 * @param queue the queue
	 * @param group the group
	 * @return true while paused
	 */
	public boolean isGroupPaused(String queue, String group) {
		return this.engine.admin().isGroupPaused(RedisKeys.checkQueueName(queue), checkGroup(group));
	}

	/**
	 * The groups of a queue that have waiting or running tasks, or are paused or held by
	 * a retry, sorted by name.
	 * @param queue the queue
	 * @param limit the most groups returned, 1 to 10000
	 * @return the groups, at most {@code limit}
	 */
	public List<GroupInfo> groups(String queue, int limit) {
		if (limit < 1 || limit > 10_000) {
			throw new InvalidTaskOptionException("limit must be between 1 and 10000, was " + limit);
		}
		return this.engine.admin().groups(RedisKeys.checkQueueName(queue), limit);
	}

	/**
	 * Merge one group of a queue into another, so they share one order and one slot
	 * budget: every task of {@code from} belongs to {@code into} afterwards. Waiting
	 * tasks move with their places, so the two orders interleave as the tasks were
	 * enqueued; running ones count in {@code into}'s slots and free them when they end;
	 * delayed ones and retries join {@code into} when they come due; a retry holding
	 * {@code from} holds {@code into} unless a retry holds it already (then it waits in
	 * line when due, like any task). From then on {@code from} names {@code into} for
	 * good: tasks enqueued to it join {@code into}. Its pause and priority are dropped. A
	 * large group moves in bounded steps; meanwhile its tasks not yet moved wait, and if
	 * the call fails on the way, calling it again finishes the merge.
	 * @param queue the queue
	 * @param from the group merged away
	 * @param into the group it joins (if it was merged away itself, the group it went
	 * into)
	 * @return how many waiting tasks moved
	 * @throws InvalidTaskOptionException when a name is invalid or both are the same
	 * @throws QueueException when {@code from} was merged into another group already,
	 * {@code into} was merged into {@code from}, or {@code from} is being split
	 */
	public long mergeGroups(String queue, String from, String into) {
		if (checkGroup(from).equals(checkGroup(into))) {
			throw new InvalidTaskOptionException(
					"Cannot merge group " + Texts.quote(from) + " into itself: name two different groups");
		}
		return this.engine.admin().mergeGroups(RedisKeys.checkQueueName(queue), from, into);
	}

	/**
	 * Split a group of a queue by a key, so that independent work stops waiting behind
	 * each other: each waiting task moves to the group {@code newGroup} names for it
	 * ({@code null} or the same name: it stays), keeping its place, so each part keeps
	 * the group's order. Tasks running now stay counted in the group they started in, and
	 * may run beside tasks of the parts; delayed tasks and retries return to the group.
	 * While a large group is split in bounded steps, none of its tasks starts; a task
	 * that starts or is cancelled between being read and being moved is left where it is.
	 * @param queue the queue
	 * @param group the group to split
	 * @param newGroup gives a waiting task's new group; called once per task, except
	 * while tasks ahead of it in the group come or go during the split: then a task may
	 * be asked twice, or stay unasked
	 * @return how many tasks moved
	 * @throws InvalidTaskOptionException when a name is invalid, including one
	 * {@code newGroup} returned (the split then ends with the tasks moved so far)
	 * @throws QueueException when the group was merged into another
	 */
	public long splitGroup(String queue, String group, Function<TaskInfo, String> newGroup) {
		return new GroupSplit(this.engine.admin(), RedisKeys.checkQueueName(queue), checkGroup(group), newGroup).run();
	}

	/**
	 * One group's statistics across every instance: waiting and running tasks now,
	 * completed tasks, failed attempts, dead tasks, attempt durations and throughput. See
	 * {@link GroupStats} for what each counts and how long it is kept.
	 * @param queue the queue
	 * @param group the group
	 * @return its stats; zeros for a group with no recorded attempts
	 */
	public GroupStats groupStats(String queue, String group) {
		return groupStats(queue, List.of(checkGroup(group))).get(0);
	}

	/**
	 * The statistics of several groups of a queue, read in one round trip.
	 * @param queue the queue
	 * @param groups the groups, 1 to 1000 of them
	 * @return their stats, in the order given
	 * @throws InvalidTaskOptionException when there are no groups, more than 1000, or a
	 * name is invalid
	 */
	public List<GroupStats> groupStats(String queue, List<String> groups) {
		Objects.requireNonNull(groups, "groups");
		if (groups.isEmpty() || groups.size() > 1000) {
			throw new InvalidTaskOptionException(
					"groupStats reads 1 to 1000 groups at a time, was given " + groups.size());
		}
		List<String> checked = groups.stream().map(QueueManager::checkGroup).toList();
		return this.engine.admin().groupStats(RedisKeys.checkQueueName(queue), checked, this.engine.clock().millis());
	}

	/** The same rules as a task's group name. */
	static String checkGroup(String group) {
		return TaskOptions.defaults().group(Objects.requireNonNull(group, "group")).group();
	}

	/**
	 * How many tasks of any one group of a queue run at once.
	 * @param queue the queue
	 * @return the group concurrency, 1 unless set
	 */
	public int groupConcurrency(String queue) {
		return groupSettings(queue).concurrency();
	}

	/**
	 * A queue's group settings, read in one round trip.
	 * @param queue the queue
	 * @return the settings, defaults where none is set
	 */
	public GroupSettings groupSettings(String queue) {
		return GroupSettings
			.of(this.engine.admin().groupSettings(RedisKeys.checkQueueName(queue), GroupSettings.FIELDS));
	}

	/**
	 * The queues known under this key prefix: every queue a task was enqueued to or a
	 * worker pool served, from any instance.
	 * @return the queue names, sorted
	 */
	public List<String> queues() {
		return this.inspector.queues();
	}

	/**
	 * Describe a queue: counts, paused flag, and the worker pools serving it on every
	 * instance. Each running pool reports itself on every heartbeat; a pool that has not
	 * reported for three heartbeats (its instance died) is left out and its report
	 * removed.
	 * @param queue the queue
	 * @return the description
	 */
	public QueueInfo queueInfo(String queue) {
		return this.inspector.queueInfo(RedisKeys.checkQueueName(queue));
	}

	/**
	 * Remove a queue with everything Redis keeps for it: its tasks with their logs and
	 * deduplication ids, its groups (waiting lines, settings, pauses, merges, statistics,
	 * rate windows), its paused flag, worker reports and other keys, the schedules whose
	 * tasks go to it, and its entry in {@link #queues()}. Without {@code withTasks} it
	 * refuses while the queue has waiting, delayed, running or dead tasks; its history
	 * (completed, cancelled, expired and dropped tasks) goes either way. With
	 * {@code withTasks} those tasks go too: a running one's worker is fenced off as from
	 * a cancelled task (its ack, heartbeat and progress write nothing, and its next
	 * heartbeat interrupts the handler), and futures waiting on a removed task fail.
	 * <p>
	 * The removal runs in bounded steps (a script call per 500 tasks or group names), so
	 * a large queue never blocks Redis; if it fails on the way, calling it again finishes
	 * it. It does not stop anyone from using the queue: stop enqueueing to it and serving
	 * it first, since a task enqueued meanwhile creates it again (and lists it again), a
	 * worker pool still serving it reports itself in it again with its next heartbeat,
	 * and a schedule an application still declares comes back when it next starts.
	 * Statistics and rate windows of a group none of whose tasks or settings is left
	 * expire on their own (after the completed-task retention age, at least an hour).
	 * @param queue the queue
	 * @param withTasks whether waiting, delayed, running and dead tasks are removed too
	 * @return how many tasks were removed
	 * @throws QueueNotEmptyException when {@code withTasks} is false and the queue has
	 * waiting, delayed, running or dead tasks (it names how many)
	 * @throws QueueUnavailableException when Redis does not answer within the command
	 * timeout
	 */
	public long removeQueue(String queue, boolean withTasks) {
		String name = RedisKeys.checkQueueName(queue);
		long removed = this.engine.admin().removeQueue(name, withTasks);
		this.writer.forget(name);
		return removed;
	}

	/**
	 * Remove finished tasks ahead of retention, with their data: completed and cancelled
	 * ones when {@code removeCompleted}, expired and dropped ones when
	 * {@code removeExpired}, each only when it finished at least {@code olderThan} ago.
	 * Dead tasks are left to {@link DeadLetterQueue#purge()}. Works in bounded chunks, so
	 * a large queue does not block Redis.
	 * @param queue the queue
	 * @param request which tasks
	 * @return how many tasks were removed
	 */
	public long cleanup(String queue, CleanupRequest request) {
		List<String> states = new ArrayList<>(3);
		if (request.removeCompleted()) {
			states.add(TaskState.COMPLETED.value());
			states.add(TaskState.CANCELLED.value());
		}
		if (request.removeExpired()) {
			states.add(TaskState.EXPIRED.value());
			states.add(TaskState.DROPPED.value());
		}
		if (states.isEmpty()) {
			return 0;
		}
		long before = this.engine.clock().millis() - request.olderThan().toMillis();
		return this.engine.admin().removeFinished(RedisKeys.checkQueueName(queue), states, before);
	}

	/**
	 * Listen to task events in this process.
	 * @param listener the listener
	 * @param events the events wanted; none means all
	 * @return a handle whose {@code close()} removes the listener
	 */
	public AutoCloseable onTaskEvent(TaskEventListener listener, ObserverEvent... events) {
		return this.engine.events().subscribe(listener, events);
	}

	/**
	 * Start a worker pool.
	 * @param options the pool's queues, concurrency and timing
	 * @return the running pool
	 */
	public WorkerPool startWorkers(WorkerPoolOptions options) {
		WorkerServices services = new WorkerServices(this.engine.store(), this.engine.admin(), this.engine.connector(),
				this.handlers::get, this.engine.serializer(), this.engine.events(), this.engine.clock(),
				this.engine.retention(), this, this.engine.maxLogLines(), this.engine.workerId() + "/" + options.name(),
				this.engine.commandTimeout());
		WorkerPool pool = new WorkerPool(options, services);
		this.pools.add(pool);
		pool.start();
		this.schedules.startFiring();
		return pool;
	}

	/**
	 * The schedules: recurring tasks that fire exactly once per tick across instances.
	 * This manager fires the schedules of the queues its running pools serve.
	 * @return the schedules
	 */
	public Schedules schedules() {
		return this.schedules;
	}

	private Set<String> servedQueues() {
		Set<String> queues = new HashSet<>();
		this.pools.stream()
			.filter(WorkerPool::isRunning)
			.forEach((pool) -> queues.addAll(pool.options().queues().keySet()));
		return queues;
	}

	/**
	 * The worker pools this manager started in this process, running or stopped.
	 * @return the pools, in start order
	 */
	public List<WorkerPool> workerPools() {
		return List.copyOf(this.pools);
	}

	/**
	 * The largest payload a task may carry, as JSON in UTF-8 bytes (see
	 * {@link QueueManagerBuilder#maxPayloadSize(long)}).
	 * @return the limit in bytes
	 */
	public long maxPayloadSize() {
		return this.engine.maxPayloadSize();
	}

	/**
	 * The serializer for payloads and results.
	 * @return the serializer
	 */
	public TaskSerializer serializer() {
		return this.engine.serializer();
	}

	/**
	 * Stop every worker pool gracefully, then close the connections (and the client, if
	 * this manager created it).
	 */
	@Override
	public void close() {
		this.schedules.stopFiring();
		this.pools.forEach(WorkerPool::stop);
		synchronized (this) {
			this.closed = true;
			if (this.completions != null) {
				this.completions.close();
			}
		}
		this.engine.connector().close();
	}

	/**
	 * The future of a task's end; the watcher behind it (a pub/sub connection and two
	 * threads) starts with the first one.
	 */
	synchronized <T> CompletableFuture<T> completion(String queue, String id, Type resultType) {
		if (this.closed) {
			return CompletableFuture.failedFuture(new QueueException("manager closed", null));
		}
		if (this.completions == null) {
			this.completions = new CompletionWatcher(this.engine);
		}
		return this.completions.watch(queue, id, resultType);
	}

	static Map<String, List<Integer>> indexByQueue(List<TaskRequest> requests) {
		Map<String, List<Integer>> byQueue = new LinkedHashMap<>();
		for (int i = 0; i < requests.size(); i++) {
			byQueue.computeIfAbsent(requests.get(i).options().queue(), (q) -> new ArrayList<>()).add(i);
		}
		return byQueue;
	}

}
