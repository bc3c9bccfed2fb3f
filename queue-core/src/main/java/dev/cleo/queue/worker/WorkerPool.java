/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.redis.ClaimedTask;

/**
 * A pool of workers serving one or more queues: one claim loop, one marker watcher per
 * queue, handler threads (virtual or platform), an ack batcher, and a timer thread for
 * heartbeats, the reaper and attempt timeouts. Created by
 * {@code QueueManager.startWorkers}; {@link #stop()} is graceful.
 */
public final class WorkerPool implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WorkerPool.class);

	private final WorkerPoolOptions options;

	private final WorkerServices services;

	private final Map<String, RunningTask> running = new ConcurrentHashMap<>();

	private final FetchSignals signals;

	private final AckBatcher acks;

	private final AttemptRecorder recorder;

	private final ScheduledExecutorService timer;

	private final ExecutorService handlers;

	private final TaskRunner runner;

	private final Fetcher fetcher;

	private final PoolPresence presence;

	private final List<MarkerWatcher> watchers = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean started;

	private volatile boolean stopped;

	/** Built by {@link WorkerPoolFactory}; it does nothing until {@link #start()}. */
	WorkerPool(WorkerPoolOptions options, WorkerServices services) {
		this.options = options;
		this.services = services;
		this.signals = new FetchSignals(options.concurrency());
		this.recorder = new AttemptRecorder(services);
		this.acks = new AckBatcher(this.recorder, options.name(), services.commandTimeout());
		this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> daemon(runnable, "timer"));
		this.handlers = options.threads().newExecutor(options.name(), options.concurrency());
		this.runner = new TaskRunner(services, this.timer, this::finished,
				new UnknownTaskNames(options.unknownTaskGrace(), options.name()));
		// Not ThreadLocalRandom.current(): used from the fetch thread, it
		// draws a sequence fixed by that thread's id, alike in every process
		QueueClaimer claimer = new QueueClaimer(services.store(), options, services.workerId(), new SplittableRandom());
		this.fetcher = new Fetcher(claimer, this.signals, this::dispatch, options, services.clock());
		this.presence = new PoolPresence(services, options, this.running);
	}

	/**
	 * Start claiming and running tasks.
	 * @return this pool
	 */
	public synchronized WorkerPool start() {
		if (this.started) {
			return this;
		}
		this.started = true;
		this.acks.start();
		for (String queue : this.options.queues().keySet()) {
			MarkerWatcher watcher = new MarkerWatcher(this.services.connector().openBlocking(), this.services.store(),
					queue, this.signals, this.fetcher::claimNow, this.options.idleWait());
			this.watchers.add(watcher);
			this.threads.add(daemon(watcher, "wake-" + queue));
		}
		this.threads.add(daemon(this.fetcher, "fetch"));
		this.threads.forEach(Thread::start);
		long beat = this.options.heartbeat().toMillis();
		this.timer.scheduleWithFixedDelay(new LeaseKeeper(this.services, this.options, this.running, this::ended), beat,
				beat, TimeUnit.MILLISECONDS);
		this.presence.start();
		this.timer.scheduleWithFixedDelay(this.presence, beat, beat, TimeUnit.MILLISECONDS);
		long reap = this.options.reaperInterval().toMillis();
		this.timer.scheduleWithFixedDelay(new LeaseReaper(this.services, this.options, this.recorder), reap, reap,
				TimeUnit.MILLISECONDS);
		logger.info("Worker pool '{}' started: queues {}, concurrency {}, {} threads", this.options.name(),
				this.options.queues().keySet(), this.options.concurrency(),
				this.options.threads().usesVirtualThreads() ? "virtual" : "platform");
		return this;
	}

	/**
	 * Stop gracefully within the configured shutdown timeout.
	 */
	public void stop() {
		stop(this.options.shutdownTimeout());
	}

	/**
	 * Stop gracefully: take no new tasks, let running ones finish for up to
	 * {@code timeout}, write their outcomes, then hand the leases of those still running
	 * back so they are ready again at once.
	 * @param timeout how long running tasks may take to finish
	 */
	public synchronized void stop(Duration timeout) {
		if (!this.started || this.stopped) {
			return;
		}
		this.stopped = true;
		int running = this.running.size();
		if (running > 0) {
			logger.info("Worker pool '{}' stopping: waiting up to {} for {} running tasks, then handing the rest back",
					this.options.name(), timeout, running);
		}
		this.fetcher.stop();
		this.watchers.forEach(MarkerWatcher::stop);
		this.signals.stop();
		try {
			for (Thread thread : this.threads) {
				thread.join(1_000);
			}
			this.signals.awaitIdle(this.options.concurrency(), timeout.toMillis());
			this.acks.drainAndStop(Duration.ofSeconds(5));
			PoolShutdown.handBack(this.services.store(), this.running.values());
			this.presence.stop();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.timer.shutdownNow();
			this.handlers.shutdownNow();
		}
		logger.info("Worker pool '{}' stopped", this.options.name());
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Whether the pool runs.
	 * @return true between start and stop
	 */
	public boolean isRunning() {
		return this.started && !this.stopped;
	}

	/**
	 * How many tasks run right now.
	 * @return the number of running tasks
	 */
	public int runningTasks() {
		return this.running.size();
	}

	/**
	 * How many tasks of one queue this pool runs now.
	 * @param queue the queue
	 * @return the number of attempts of that queue in progress
	 */
	public int runningTasks(String queue) {
		return (int) this.running.values().stream().filter((task) -> task.task().queue().equals(queue)).count();
	}

	/**
	 * The pool's options.
	 * @return the options
	 */
	public WorkerPoolOptions options() {
		return this.options;
	}

	private void dispatch(ClaimedTask task) {
		RunningTask runningTask = new RunningTask(task);
		// Keyed by lease token: the same task may be claimed again here while an expired
		// attempt runs on.
		this.running.put(task.token(), runningTask);
		this.handlers.execute(() -> this.runner.run(runningTask));
	}

	private void finished(RunningTask task, FinishedAttempt attempt) {
		this.running.remove(task.task().token(), task);
		// A handed-back task runs again elsewhere, a cancelled one never: neither outcome
		// has an attempt to be recorded in.
		if (!task.handedBack() && !task.cancelled()) {
			this.acks.submit(attempt);
		}
		if (task.freeSlot()) {
			this.signals.release();
		}
	}

	/**
	 * A running task was cancelled, or removed with its queue: its handler is
	 * interrupted, and its lease is no longer renewed. On virtual threads its slot frees
	 * at once, so a handler that ignores the interrupt cannot hold the pool back (the
	 * next task gets a thread of its own); a platform thread is itself the slot, which
	 * then frees when the handler returns.
	 */
	private void ended(RunningTask task) {
		if (!task.cancel()) {
			return;
		}
		this.running.remove(task.task().token(), task);
		if (this.options.threads().usesVirtualThreads() && task.freeSlot()) {
			this.signals.release();
		}
	}

	private Thread daemon(Runnable runnable, String role) {
		Thread thread = new Thread(runnable, "cleo-" + this.options.name() + "-" + role);
		thread.setDaemon(true);
		return thread;
	}

}
