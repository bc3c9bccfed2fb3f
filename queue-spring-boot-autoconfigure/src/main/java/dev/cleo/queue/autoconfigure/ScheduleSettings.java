/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.autoconfigure.aop.ScheduleDefaults;
import dev.cleo.queue.schedule.CronFormat;
import dev.cleo.queue.schedule.MisfirePolicy;
import dev.cleo.queue.schedule.OverlapPolicy;

/**
 * {@code cleo.schedules.*} checked once: what annotated schedules inherit, who owns them
 * and how long an undeclared one stays.
 *
 * @param enabled whether this instance fires schedules
 * @param owner the application owning the declared schedules
 * ({@code cleo.schedules.owner}, else {@code spring.application.name}), or {@code null}
 * when neither is set
 * @param cronFormat how cron expressions are read
 * @param zone the zone of cron expressions that name none
 * @param grace how long a schedule nobody declares any more stays
 * @param misfire the misfire policy of schedules that name none
 * @param overlap the overlap policy of schedules that name none
 */
public record ScheduleSettings(boolean enabled, @Nullable String owner, CronFormat cronFormat, ZoneId zone,
		Duration grace, MisfirePolicy misfire, OverlapPolicy overlap) implements ScheduleDefaults {

	private static final Duration MIN_GRACE = Duration.ofMillis(100);

	private static final Duration MAX_GRACE = Duration.ofDays(30);

	/**
	 * Check the properties.
	 * @param properties {@code cleo.schedules.*}
	 * @param applicationName {@code spring.application.name}, or {@code null}
	 * @return the settings
	 * @throws InvalidTaskOptionException when a value is out of range, naming the
	 * property
	 */
	static ScheduleSettings of(ScheduleProperties properties, @Nullable String applicationName) {
		Duration grace = properties.getGrace();
		if (grace == null || grace.compareTo(MIN_GRACE) < 0 || grace.compareTo(MAX_GRACE) > 0) {
			throw new InvalidTaskOptionException(
					"Invalid cleo.schedules.grace: must be between 100ms and 30d, was " + grace);
		}
		String owner = hasText(properties.getOwner()) ? properties.getOwner().trim()
				: hasText(applicationName) ? applicationName.trim() : null;
		if (owner != null && (owner.length() > 200 || owner.chars().anyMatch(Character::isISOControl))) {
			throw new InvalidTaskOptionException("Invalid cleo.schedules.owner (default spring.application.name): "
					+ "must be 1 to 200 characters without control characters, was '" + owner + "'");
		}
		return new ScheduleSettings(properties.isEnabled(), owner, required(properties.getCronFormat(), "cron-format"),
				required(properties.getZone(), "zone"), grace, required(properties.getMisfire(), "misfire"),
				required(properties.getOverlap(), "overlap"));
	}

	private static <T> T required(@Nullable T value, String property) {
		if (value == null) {
			throw new InvalidTaskOptionException("cleo.schedules." + property + " must not be empty");
		}
		return value;
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
