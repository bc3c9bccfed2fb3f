/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.WorkerInfo;

/**
 * One queue as the {@code queues} endpoint describes it.
 *
 * @param name the queue
 * @param paused whether claiming from it is paused
 * @param counts its tasks by state
 * @param deadLetters the size of its dead-letter queue
 * @param workers the worker pools serving it, on every instance
 * @param instances the instances of those pools
 * @param groups its groups
 * @param schedules its schedules, by next fire time (paused ones last)
 * @param delayed its delayed tasks with their due times, soonest first (the first
 * {@value QueuesReader#DELAYED_LISTED}; {@code counts.delayed} has them all)
 * @param lastHour its last hour of history (totals and top errors) in the description of
 * one queue; {@code null} in the listing of all, which stays one cheap read per queue
 */
public record QueueDescriptor(String name, boolean paused, QueueCounts counts, long deadLetters,
		List<WorkerInfo> workers, List<String> instances, GroupsDescriptor groups, List<ScheduleDescriptor> schedules,
		List<DelayedTaskDescriptor> delayed, @Nullable QueueHistoryDescriptor lastHour) {

}
