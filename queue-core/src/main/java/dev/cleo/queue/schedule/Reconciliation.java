/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.util.List;

/**
 * What {@link Schedules#reconcile} did, each list naming schedules as
 * {@code <queue>/<name>}.
 *
 * @param created declared schedules that were new
 * @param updated declared schedules whose definition changed
 * @param unchanged declared schedules already stored as declared
 * @param removed the owner's schedules nobody declared for longer than the grace period
 */
public record Reconciliation(List<String> created, List<String> updated, List<String> unchanged, List<String> removed) {

}
