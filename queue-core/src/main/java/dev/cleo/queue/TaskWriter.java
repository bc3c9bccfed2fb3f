/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.group.GroupFullException;
import dev.cleo.queue.observation.TaskObservations;
import dev.cleo.queue.redis.EnqueueResult;
import dev.cleo.queue.redis.NewTask;
import dev.cleo.queue.redis.RedisCalls;

/**
 * Turns enqueue requests into stored tasks: writes payloads, resolves times against the
 * clock, sends one enqueue script per queue (single enqueues that overlap share one, see
 * {@link EnqueueCoalescer}) and publishes {@code CREATED} events. Now and then it has
 * {@link UnservedQueueWarning} check that some worker pool serves the queue.
 */
final class TaskWriter {

	private final QueueManager manager;

	private final QueueEngine engine;

	/**
	 * How long this manager trusts that a queue it added to the registry is still there:
	 * another instance may have removed the queue since.
	 */
	private static final long REGISTERED_FOR_NANOS = TimeUnit.SECONDS.toNanos(30);

	/**
	 * When this manager last added each queue to the registry: the hot path sends the
	 * registry's {@code SADD} once per queue every {@link #REGISTERED_FOR_NANOS}, not per
	 * enqueue.
	 */
	private final Map<String, Long> registered = new ConcurrentHashMap<>();

	private final EnqueueCoalescer coalescer;

	private final UnservedQueueWarning unserved;

	TaskWriter(QueueManager manager, QueueEngine engine, UnservedQueueWarning unserved) {
		this.manager = manager;
		this.engine = engine;
		this.coalescer = new EnqueueCoalescer(engine.store());
		this.unserved = unserved;
	}

	CompletableFuture<List<TaskHandle<Object>>> write(List<TaskRequest> requests) {
		if (requests.size() == 1) {
			return writeOne(requests.get(0));
		}
		long now = this.engine.clock().millis();
		Map<String, List<Integer>> byQueue = QueueManager.indexByQueue(requests);
		Map<String, TaskObservations.Enqueue> observations = observe(requests, byQueue);
		NewTask[] tasks = new NewTask[requests.size()];
		try {
			for (int i = 0; i < tasks.length; i++) {
				TaskRequest request = requests.get(i);
				tasks[i] = newTask(request, now, observations.get(request.options().queue()).headers());
			}
		}
		catch (RuntimeException ex) {
			observations.values().forEach((observation) -> observation.stop(ex));
			throw ex;
		}
		@SuppressWarnings("unchecked")
		TaskHandle<Object>[] handles = new TaskHandle[tasks.length];
		List<CompletableFuture<Void>> writes = new ArrayList<>();
		List<CompletableFuture<?>> stores = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> entry : byQueue.entrySet()) {
			String queue = entry.getKey();
			register(queue);
			List<NewTask> batch = entry.getValue().stream().map((i) -> tasks[i]).toList();
			CompletableFuture<List<EnqueueResult>> stored = this.engine.store().enqueue(queue, batch, true);
			stores.add(stored);
			writes.add(stopping(observations.get(queue), stored.thenAccept((results) -> {
				refusal(queue, batch, results).ifPresent((refused) -> {
					throw refused;
				});
				for (int j = 0; j < results.size(); j++) {
					int index = entry.getValue().get(j);
					handles[index] = created(queue, requests.get(index), results.get(j));
				}
			})));
		}
		// a caller that gives up cancels the enqueue scripts, so they are not sent later
		return RedisCalls.cancelling(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
			.thenApply((done) -> Arrays.asList(handles)), stores.toArray(CompletableFuture[]::new));
	}

	/** A single enqueue travels with others of its queue when they overlap. */
	private CompletableFuture<List<TaskHandle<Object>>> writeOne(TaskRequest request) {
		String queue = request.options().queue();
		TaskObservations.Enqueue observation = this.engine.observations().enqueue(queue, request.name());
		// Built, and so checked, before anything (the registry's SADD too) is sent.
		NewTask task;
		try {
			task = newTask(request, this.engine.clock().millis(), observation.headers());
		}
		catch (RuntimeException ex) {
			observation.stop(ex);
			throw ex;
		}
		register(queue);
		CompletableFuture<EnqueueResult> stored = this.coalescer.enqueue(queue, task);
		return RedisCalls.cancelling(stopping(observation, stored.thenApply((result) -> {
			refusal(queue, List.of(task), List.of(result)).ifPresent((refused) -> {
				throw refused;
			});
			return List.of(created(queue, request, result));
		})), stored);
	}

	/**
	 * One enqueue observation per queue of a batch, started on the caller's thread; its
	 * task tag is the tasks' name, or {@code mixed}.
	 */
	private Map<String, TaskObservations.Enqueue> observe(List<TaskRequest> requests,
			Map<String, List<Integer>> byQueue) {
		Map<String, TaskObservations.Enqueue> observations = new HashMap<>();
		byQueue.forEach((queue, indexes) -> {
			String name = requests.get(indexes.get(0)).name();
			boolean mixed = indexes.stream().anyMatch((i) -> !requests.get(i).name().equals(name));
			observations.put(queue, this.engine.observations().enqueue(queue, mixed ? "mixed" : name));
		});
		return observations;
	}

	/**
	 * The observation stops when the enqueue it observes ends, with its failure if any.
	 */
	private static <T> CompletableFuture<T> stopping(TaskObservations.Enqueue observation,
			CompletableFuture<T> enqueue) {
		if (observation == TaskObservations.Enqueue.NONE) {
			return enqueue;
		}
		return enqueue.whenComplete((done, error) -> observation
			.stop((error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error));
	}

	/** The refusal of a batch that a full group turned away, if it was. */
	private static Optional<GroupFullException> refusal(String queue, List<NewTask> batch,
			List<EnqueueResult> results) {
		for (int i = 0; i < results.size(); i++) {
			if (results.get(i).status() == EnqueueResult.Status.GROUP_FULL) {
				return Optional.of(new GroupFullException(queue, batch.get(i).group(), results.get(i).groupMaxSize(),
						batch.size() > 1));
			}
		}
		return Optional.empty();
	}

	private void register(String queue) {
		long now = System.nanoTime();
		Long last = this.registered.get(queue);
		if (last != null && now - last < REGISTERED_FOR_NANOS) {
			return;
		}
		// One thread of many sends it; sent beside the enqueue, not awaited; a failure is
		// retried with the next one. The same thread checks, as seldom, that some pool
		// serves the queue.
		boolean mine = (last == null) ? this.registered.putIfAbsent(queue, now) == null
				: this.registered.replace(queue, last, now);
		if (mine) {
			this.unserved.check(queue);
			this.engine.admin().addQueue(queue).whenComplete((added, error) -> {
				if (error != null) {
					this.registered.remove(queue, now);
				}
			});
		}
	}

	/** The queue was removed: its next enqueue here adds it to the registry again. */
	void forget(String queue) {
		this.registered.remove(queue);
	}

	private NewTask newTask(TaskRequest request, long now, String headers) {
		TaskOptions options = request.options();
		String payload = TaskRequest.checkPayloadSize(request.name(), this.engine.serializer().write(request.payload()),
				this.engine.maxPayloadSize());
		long runAt = options.runAtFrom(Instant.ofEpochMilli(now)).toEpochMilli();
		long expireAt = (options.ttl() != null) ? now + options.ttl().toMillis() : 0;
		return new NewTask(newId(), request.name(), payload, options.priority(), (runAt > now) ? runAt : 0,
				options.maxAttempts(), options.backoff().encode(), options.timeout().toMillis(), expireAt,
				options.dedupeId(), options.dedupeWindow().toMillis(), options.group(), options.notifyOnFinish(),
				headers);
	}

	private TaskHandle<Object> created(String queue, TaskRequest request, EnqueueResult result) {
		if (!result.duplicate() && this.engine.events().hasListeners(ObserverEvent.CREATED)) {
			this.engine.events()
				.publish(new TaskEvent(ObserverEvent.CREATED, queue, result.id(), request.name(), 0,
						Instant.now(this.engine.clock()), null, null));
		}
		return new TaskHandle<>(this.manager, queue, result.id(), result.duplicate(), Object.class);
	}

	/**
	 * A random (version 4) UUID from a fast, non-blocking source: ids need to be unique,
	 * not secret.
	 */
	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
