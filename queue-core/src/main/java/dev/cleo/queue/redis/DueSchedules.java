/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;

/**
 * What a firing instance sees of a queue's schedules at one moment of Redis's clock.
 *
 * @param now Redis's time (ms)
 * @param earliest the earliest next tick after {@code now}, or -1 when none is pending
 * @param due the schedules due at {@code now}
 */
public record DueSchedules(long now, long earliest, List<StoredSchedule> due) {

}
