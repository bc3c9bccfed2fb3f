/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.cleo.queue.worker.WorkerPoolOptions;

/**
 * A worker process for {@link HistoryExactCountsTests}: it runs {@link FlakyWork} on one
 * queue with a 3 s lease until the test kills it, and appends each run its handler ended
 * to a file, one {@code write} per line, before the handler returns or throws. A line the
 * kernel took survives {@code SIGKILL}; a run whose ack never reached Redis is in the
 * file all the same, which the test allows for (its lease expires).
 *
 * <p>
 * Arguments: the Redis URI, the queue, the task name, the file, the concurrency.
 */
public final class FlakyWorkerMain {

	private FlakyWorkerMain() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		FileOutputStream runs = new FileOutputStream(args[3], true);
		TaskHandler handler = FlakyWork.handler((run) -> {
			synchronized (runs) {
				try {
					runs.write((run + "\n").getBytes(StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					throw new IllegalStateException("Could not record run " + run, ex);
				}
			}
		});
		ChildWorker.start(args, "flaky-child", handler,
				WorkerPoolOptions.builder().name("doomed").lease(Duration.ofSeconds(3)));
		ChildWorker.announceAndWait("flaky worker ready");
	}

}
