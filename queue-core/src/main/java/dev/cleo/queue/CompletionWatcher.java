/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.redis.TaskEnd;
import dev.cleo.queue.redis.TaskStore;

/**
 * Completes the futures of {@link TaskHandle#completion()}, one watcher per manager.
 * Tasks stored with {@code notify} are announced on their queue's {@code finished}
 * channel (see {@link CompletionChannels}); since pub/sub is at-most-once and other tasks
 * are not announced at all, pending tasks are also read right after a future is requested
 * and then periodically, in one script call per queue, only while any are pending.
 * Futures complete on a small executor of their own, never on a Redis I/O thread, since
 * completing them runs the caller's callbacks.
 */
final class CompletionWatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CompletionWatcher.class);

	private static final int READ_CHUNK = 1000;

	private final TaskStore store;

	private final TaskSerializer serializer;

	private final CompletionChannels channels;

	private final Map<String, Map<String, List<Waiter>>> pending = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("check"));

	private final ExecutorService completer = Executors.newFixedThreadPool(2, daemon("complete"));

	private volatile boolean closed;

	CompletionWatcher(QueueEngine engine) {
		this.store = engine.store();
		this.serializer = engine.serializer();
		this.channels = new CompletionChannels(engine.connector(), engine.store(), this::announced);
		long every = engine.completionCheckInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::checkAll, every, every, TimeUnit.MILLISECONDS);
	}

	<T> CompletableFuture<T> watch(String queue, String id, Type resultType) {
		CompletableFuture<Object> future = new CompletableFuture<>();
		if (this.closed) {
			future.completeExceptionally(new QueueException("manager closed", null));
		}
		else {
			Waiter waiter = new Waiter(resultType, future);
			this.pending.computeIfAbsent(queue, (q) -> new ConcurrentHashMap<>())
				.merge(id, List.of(waiter), CompletionWatcher::joined);
			// Completing or cancelling the future ends the wait.
			future.whenComplete((value, error) -> forget(queue, id, waiter));
			this.channels.subscribe(queue).whenComplete((subscribed, error) -> check(queue, List.of(id)));
		}
		@SuppressWarnings("unchecked")
		CompletableFuture<T> typed = (CompletableFuture<T>) future;
		return typed;
	}

	private void announced(String queue, String id) {
		Map<String, List<Waiter>> waiting = this.pending.get(queue);
		if (waiting != null && waiting.containsKey(id)) {
			check(queue, List.of(id));
		}
	}

	private void checkAll() {
		this.pending.forEach((queue, waiting) -> {
			List<String> ids = new ArrayList<>(waiting.keySet());
			for (int i = 0; i < ids.size(); i += READ_CHUNK) {
				check(queue, ids.subList(i, Math.min(i + READ_CHUNK, ids.size())));
			}
		});
	}

	private void check(String queue, List<String> ids) {
		if (ids.isEmpty() || this.closed) {
			return;
		}
		this.store.ends(queue, List.copyOf(ids)).whenCompleteAsync((ends, error) -> {
			if (error != null) {
				logger.debug("Could not read the state of {} tasks on queue '{}': {}", ids.size(), queue,
						error.toString());
				return;
			}
			ends.forEach((end) -> resolve(queue, end));
		}, this.completer);
	}

	private void resolve(String queue, TaskEnd end) {
		TaskState state = (end.state() != null) ? TaskState.fromValue(end.state()) : null;
		if (state != null && !state.isFinal()) {
			return;
		}
		Map<String, List<Waiter>> waiting = this.pending.get(queue);
		List<Waiter> waiters = (waiting != null) ? waiting.remove(end.id()) : null;
		if (waiters == null) {
			return;
		}
		for (Waiter waiter : waiters) {
			if (state == null) {
				waiter.future()
					.completeExceptionally(new QueueException("Task " + Texts.quote(end.id()) + " on queue "
							+ Texts.quote(queue)
							+ " does not exist (never enqueued, removed by retention, or its queue was removed)",
							null));
			}
			else if (state == TaskState.COMPLETED) {
				complete(waiter, end.resultJson());
			}
			else {
				waiter.future().completeExceptionally(new TaskFailedException(queue, end.id(), state, end.lastError()));
			}
		}
	}

	private void complete(Waiter waiter, String resultJson) {
		try {
			waiter.future()
				.complete((resultJson != null) ? this.serializer.read(resultJson, waiter.resultType()) : null);
		}
		catch (RuntimeException ex) {
			waiter.future().completeExceptionally(ex);
		}
	}

	private void forget(String queue, String id, Waiter waiter) {
		Map<String, List<Waiter>> waiting = this.pending.get(queue);
		if (waiting != null) {
			waiting.computeIfPresent(id, (key, waiters) -> {
				List<Waiter> left = new ArrayList<>(waiters);
				left.remove(waiter);
				return left.isEmpty() ? null : List.copyOf(left);
			});
		}
	}

	/** Fail every pending future and stop watching. */
	@Override
	public void close() {
		this.closed = true;
		this.timer.shutdownNow();
		this.pending.values()
			.forEach((waiting) -> waiting.values()
				.forEach((waiters) -> waiters.forEach((waiter) -> waiter.future()
					.completeExceptionally(new QueueException("manager closed", null)))));
		this.pending.clear();
		this.channels.close();
		this.completer.shutdown();
	}

	private static List<Waiter> joined(List<Waiter> first, List<Waiter> second) {
		List<Waiter> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	private static ThreadFactory daemon(String role) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, "cleo-completion-" + role);
			thread.setDaemon(true);
			return thread;
		};
	}

	/** One future waiting for a task's end, with the type to read its result as. */
	private record Waiter(Type resultType, CompletableFuture<Object> future) {

	}

}
