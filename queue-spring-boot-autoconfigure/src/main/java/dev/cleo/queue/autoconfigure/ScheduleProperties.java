/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.cleo.queue.schedule.CronFormat;
import dev.cleo.queue.schedule.MisfirePolicy;
import dev.cleo.queue.schedule.OverlapPolicy;

/**
 * Recurring tasks declared with {@code @Task(cron = ...)}, {@code fixedRate} or
 * {@code fixedDelay} ({@code cleo.schedules.*}).
 */
public class ScheduleProperties {

	/**
	 * Whether this instance fires schedules (those of the queues its worker pools serve).
	 * False still declares the application's schedules at start-up, so they stay while
	 * other instances fire them.
	 */
	private boolean enabled = true;

	/**
	 * The application the schedules declared in code belong to; the same on every
	 * instance. Default spring.application.name. Schedules the owner no longer declares
	 * are removed after the grace period.
	 */
	private String owner;

	/**
	 * How cron expressions are read: auto (5 fields as Unix, 6 as Spring, 7 as Quartz),
	 * spring, unix or quartz.
	 */
	private CronFormat cronFormat = CronFormat.AUTO;

	/**
	 * The zone of cron expressions whose @Task names none. UTC by default, so every
	 * instance reads them alike whatever its system zone.
	 */
	private ZoneId zone = ZoneOffset.UTC;

	/**
	 * How long a schedule this application declared before stays once no instance
	 * declares it any more (100ms to 30d); it covers a rolling deploy, where old
	 * instances still declare it.
	 */
	private Duration grace = Duration.ofMinutes(10);

	/**
	 * What happens to missed ticks of cron and fixed-rate schedules whose @Task names no
	 * policy: skip, fire-once or catch-up.
	 */
	private MisfirePolicy misfire = MisfirePolicy.FIRE_ONCE;

	/**
	 * Whether a tick fires while the previous run goes on, for schedules whose @Task
	 * names no policy: allow or skip-if-running.
	 */
	private OverlapPolicy overlap = OverlapPolicy.ALLOW;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getOwner() {
		return this.owner;
	}

	public void setOwner(String owner) {
		this.owner = owner;
	}

	public CronFormat getCronFormat() {
		return this.cronFormat;
	}

	public void setCronFormat(CronFormat cronFormat) {
		this.cronFormat = cronFormat;
	}

	public ZoneId getZone() {
		return this.zone;
	}

	public void setZone(ZoneId zone) {
		this.zone = zone;
	}

	public Duration getGrace() {
		return this.grace;
	}

	public void setGrace(Duration grace) {
		this.grace = grace;
	}

	public MisfirePolicy getMisfire() {
		return this.misfire;
	}

	public void setMisfire(MisfirePolicy misfire) {
		this.misfire = misfire;
	}

	public OverlapPolicy getOverlap() {
		return this.overlap;
	}

	public void setOverlap(OverlapPolicy overlap) {
		this.overlap = overlap;
	}

}
