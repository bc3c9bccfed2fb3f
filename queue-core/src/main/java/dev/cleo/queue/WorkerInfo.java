/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Instant;

/**
 * One worker pool serving a queue, as its presence last showed it.
 *
 * @param instanceId the instance (the manager's worker id)
 * @param pool the pool's name
 * @param concurrency how many tasks it runs at once
 * @param active how many it was running when it wrote its presence
 * @param seenAt when it wrote its presence
 */
public record WorkerInfo(String instanceId, String pool, int concurrency, int active, Instant seenAt) {

}
