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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.cleo.queue.event.EventScope;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEventListener;
import dev.cleo.queue.event.TaskEventStreams;
import dev.cleo.queue.group.QueueGroups;
import dev.cleo.queue.history.TaskHistoryService;
import dev.cleo.queue.redis.RedisCalls;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.schedule.ScheduleEngine;
import dev.cleo.queue.schedule.ScheduleFiring;
import dev.cleo.queue.schedule.Schedules;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolFactory;
import dev.cleo.queue.worker.WorkerPoolOptions;

/**
 * The entry point: enqueue tasks, register their handlers, start worker pools, look tasks
 * up, manage groups and dead letters and listen to events. Thread-safe; build one per
 * application with {@link #builder()}.
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

	private final ScheduleFiring firing;

	private final WorkerPoolFactory poolFactory;

	private CompletionWatcher completions;

	private boolean closed;

	QueueManager(QueueEngine engine) {
		this.engine = engine;
		this.writer = new TaskWriter(this, engine,
				new UnservedQueueWarning(engine, (queue) -> servedQueues().contains(queue)));
		this.inspector = new QueueInspector(engine);
		ScheduleEngine scheduling = new ScheduleEngine(engine.schedules(), engine.serializer(), engine.connector(),
				this::servedQueues, engine.maxPayloadSize(), engine.events(), engine.clock());
		this.schedules = scheduling.schedules();
		this.firing = scheduling.firing();
		this.poolFactory = new WorkerPoolFactory(engine.store(), engine.admin(), engine.connector(), this.handlers::get,
				engine.serializer(), engine.events(), engine.clock(), engine.retention(), this, engine.maxLogLines(),
				engine.workerId(), engine.commandTimeout(), engine.observations(), engine.maxErrorLength());
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
		this.handlers.put(Names.checkTask(name), handler);
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
	 * Enqueueing goes on; running tasks finish. {@link #queueInfo(String)} tells whether
	 * a queue is paused.
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
	 * The groups of a queue: their settings, limits, merges, splits and statistics, and
	 * through {@link QueueGroups#group(String)} one group's pause, priority, maximum
	 * size, rate limit and statistics.
	 * @param queue the queue
	 * @return its groups
	 */
	public QueueGroups groups(String queue) {
		return new QueueGroups(this.engine.admin(), this.engine.clock(), RedisKeys.checkQueueName(queue));
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
	 * Which of some queues a worker pool serves: a running pool of this manager, or one
	 * on any instance whose presence in Redis is fresh (as {@link #queueInfo(String)}
	 * lists them). Tasks of a queue no pool serves wait until one starts. Reads without
	 * waiting: one read per queue that no pool of this manager serves, in one round trip.
	 * @param queues the queues
	 * @return completes with the served queues among them, sorted; fails when Redis
	 * cannot be read
	 * @throws IllegalArgumentException when a queue name is invalid (before anything is
	 * sent)
	 */
	public CompletableFuture<Set<String>> servedAsync(Collection<String> queues) {
		Set<String> here = servedQueues();
		long now = this.engine.clock().millis();
		Map<String, CompletableFuture<Boolean>> reads = new LinkedHashMap<>();
		for (String queue : queues) {
			RedisKeys.checkQueueName(queue);
			reads.put(queue, here.contains(queue) ? CompletableFuture.completedFuture(true)
					: this.engine.admin().hasPresentPool(queue, now));
		}
		return CompletableFuture.allOf(reads.values().toArray(CompletableFuture[]::new))
			.thenApply((all) -> reads.entrySet()
				.stream()
				.filter((read) -> read.getValue().join())
				.map(Map.Entry::getKey)
				.collect(Collectors.toCollection(TreeSet::new)));
	}

	/**
	 * The tasks of a queue listed by state, a page at a time: waiting, active (with the
	 * lease owner and running time), delayed (with the due time), recently finished and
	 * dead, oldest or newest first.
	 * @param queue the queue
	 * @return its tasks by state
	 */
	public QueueTasks tasks(String queue) {
		return new QueueTasks(this.engine.store(), RedisKeys.checkQueueName(queue));
	}

	/**
	 * Remove a queue with everything Redis keeps for it: its tasks with their logs and
	 * deduplication ids, its groups (waiting lines, settings, pauses, merges, statistics,
	 * rate windows), its paused flag, worker pool presence and other keys, the schedules
	 * whose tasks go to it, and its entry in {@link #queues()}. Without {@code withTasks}
	 * it refuses while the queue has waiting, delayed, running or dead tasks; its history
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
	 * Listen to task events of this instance, or of every instance.
	 * @param scope {@link EventScope#THIS_INSTANCE}: as
	 * {@link #onTaskEvent(TaskEventListener, ObserverEvent...)};
	 * {@link EventScope#ALL_INSTANCES}: every queue's events, from now on, read from the
	 * event streams on a follower thread (see {@link #events()}; history must be on)
	 * @param listener the listener
	 * @param events the events wanted; none means all
	 * @return a handle whose {@code close()} removes the listener
	 */
	public AutoCloseable onTaskEvent(EventScope scope, TaskEventListener listener, ObserverEvent... events) {
		return (scope == EventScope.ALL_INSTANCES) ? this.engine.eventStreams().followAll(listener, events)
				: onTaskEvent(listener, events);
	}

	/**
	 * The events of every instance, from the queues' event streams: follow some or all
	 * queues, from now on or from a cursor, with gaps told.
	 * @return the event streams
	 */
	public TaskEventStreams events() {
		return this.engine.eventStreams();
	}

	/**
	 * Start a worker pool.
	 * @param options the pool's queues, concurrency and timing
	 * @return the running pool
	 */
	public WorkerPool startWorkers(WorkerPoolOptions options) {
		WorkerPool pool = this.poolFactory.create(options);
		this.pools.add(pool);
		pool.start();
		this.firing.start();
		return pool;
	}

	/**
	 * What Cleo recorded of the tasks' lives on every instance: attempts, recent history,
	 * statistics and error patterns (see {@link QueueManagerBuilder#history}).
	 * @return the history
	 */
	public TaskHistoryService history() {
		return this.engine.history();
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

	/** The serializer for payloads and results, the one the builder was given. */
	TaskSerializer serializer() {
		return this.engine.serializer();
	}

	/**
	 * Stop every worker pool gracefully, then close the connections (and the client, if
	 * this manager created it).
	 */
	@Override
	public void close() {
		this.firing.stop();
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
