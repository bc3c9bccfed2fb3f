/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;

import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A worker process for {@link GroupGuaranteesTests}: it runs the {@link SlotProbe}'s
 * handler on one queue with a short lease, so the test can freeze it mid-task and its
 * leases really expire. Once its pool runs it sets the Redis key
 * {@code probe:ready:<worker>}.
 *
 * <p>
 * Arguments: the Redis URI, the queue, the task name, the worker's label (also its worker
 * id), the concurrency, the lease in milliseconds, the group concurrency.
 */
public final class ProbedWorkerMain {

	private ProbedWorkerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		String uri = args[0];
		String worker = args[3];
		SlotProbe probe = new SlotProbe(uri, Integer.parseInt(args[6]));
		ChildWorker.start(args, worker, probe.handler(worker),
				WorkerPoolOptions.builder()
					.name(worker)
					.lease(Duration.ofMillis(Long.parseLong(args[5])))
					.reaperInterval(Duration.ofMillis(25)));
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("probe:ready:" + worker, "1");
		}
		client.shutdown();
		ChildWorker.announceAndWait("probed worker " + worker + " ready");
	}

}
