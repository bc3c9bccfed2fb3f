/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A worker process for {@link WorkerCrashTests}: it serves one queue with a 1 s lease,
 * and its handler records that it started (an entry in a Redis list, through a client of
 * its own) and then blocks forever, so the test can kill the process in the middle of a
 * task.
 *
 * <p>
 * Arguments: the Redis URI, the queue, the task name, the list key that records starts,
 * the concurrency.
 */
public final class CrashingWorkerMain {

	private CrashingWorkerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		String uri = args[0];
		String startedKey = args[3];
		String workerId = "crashing-worker:" + ProcessHandle.current().pid();
		RedisClient recorderClient = RedisClient.create(uri);
		StatefulRedisConnection<String, String> recorder = recorderClient.connect();
		TaskHandler recordThenBlock = (task) -> {
			recorder.sync().rpush(startedKey, task.id() + ":" + task.attempt() + ":" + workerId);
			new CountDownLatch(1).await();
			return "unreachable";
		};
		ChildWorker.start(args, workerId, recordThenBlock,
				WorkerPoolOptions.builder()
					.name("doomed")
					.lease(Duration.ofSeconds(1))
					.reaperInterval(Duration.ofMillis(200)));
		ChildWorker.announceAndWait("crashing worker " + workerId + " ready");
	}

}
