/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.ZoneId;

import dev.cleo.queue.schedule.CronFormat;
import dev.cleo.queue.schedule.MisfirePolicy;
import dev.cleo.queue.schedule.OverlapPolicy;

/**
 * What a {@code @Task(cron/fixedRate/fixedDelay)} schedule inherits when its annotation
 * does not say ({@code cleo.schedules.*}).
 */
public interface ScheduleDefaults {

	/**
	 * @return how cron expressions are read
	 */
	CronFormat cronFormat();

	/**
	 * @return the zone of cron expressions that name none
	 */
	ZoneId zone();

	/**
	 * @return the misfire policy of schedules that name none
	 */
	MisfirePolicy misfire();

	/**
	 * @return the overlap policy of schedules that name none
	 */
	OverlapPolicy overlap();

}
