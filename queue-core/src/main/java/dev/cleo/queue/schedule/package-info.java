/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Recurring tasks: cron, fixed-rate and fixed-delay schedules that fire exactly once per
 * tick across every instance, by Redis's clock
 * ({@link dev.cleo.queue.schedule.Schedules}).
 */
package dev.cleo.queue.schedule;
