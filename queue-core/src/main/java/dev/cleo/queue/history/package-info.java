/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Task history: each attempt's record, the statistics rolled up from the queues' event
 * streams, and {@link dev.cleo.queue.history.TaskHistoryService}, which reads them.
 */
package dev.cleo.queue.history;
