/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Task groups: the settings, limits, statistics, merges and splits of the groups of a
 * queue, reached through {@link dev.cleo.queue.QueueManager#groups(String)}.
 */
package dev.cleo.queue.group;
