/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import dev.cleo.queue.Texts;

/**
 * A parsed cron expression and its ticks in a zone, by cron-utils. Ticks fall on whole
 * seconds, so times are cut to the second before they are handed to cron-utils (which
 * would otherwise carry a fraction of a second into the tick it returns).
 */
final class CronTicks {

	private static final int MAX_LENGTH = 200;

	private static final Map<CronFormat, CronParser> PARSERS = new EnumMap<>(
			Map.of(CronFormat.SPRING, parser(CronType.SPRING53), CronFormat.UNIX, parser(CronType.UNIX),
					CronFormat.QUARTZ, parser(CronType.QUARTZ)));

	private final String expression;

	private final ZoneId zone;

	private final CronFormat format;

	private final ExecutionTime executions;

	private CronTicks(String expression, ZoneId zone, CronFormat format, ExecutionTime executions) {
		this.expression = expression;
		this.zone = zone;
		this.format = format;
		this.executions = executions;
	}

	static CronTicks parse(String expression, ZoneId zone, CronFormat requested) {
		if (expression == null || expression.isBlank()) {
			throw invalid(expression, requested, "the expression is empty");
		}
		String trimmed = expression.trim();
		// No cron expression is this long; the parser's messages quote what they are
		// given.
		if (trimmed.length() > MAX_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidScheduleException("cron expression must be 1 to " + MAX_LENGTH
					+ " characters without control characters, was " + Texts.quote(trimmed));
		}
		CronFormat format = requested.resolve(trimmed);
		Cron cron;
		try {
			cron = PARSERS.get(format).parse(trimmed).validate();
		}
		catch (IllegalArgumentException ex) {
			throw invalid(trimmed, format, ex.getMessage());
		}
		ExecutionTime executions = ExecutionTime.forCron(cron);
		if (executions.nextExecution(ZonedDateTime.now(zone)).isEmpty()) {
			throw invalid(trimmed, format, "it never fires");
		}
		return new CronTicks(trimmed, zone, format, executions);
	}

	private static InvalidScheduleException invalid(String expression, CronFormat format, String problem) {
		return new InvalidScheduleException("invalid cron expression " + Texts.quote(expression) + " (read as " + format
				+ ": " + format.fields() + "): " + problem + ". Accepted formats: Spring (" + CronFormat.SPRING.fields()
				+ "), Unix (" + CronFormat.UNIX.fields() + "), Quartz (" + CronFormat.QUARTZ.fields()
				+ "); unless a format is configured, 5 fields are read as Unix, 6 as Spring, 7 as Quartz");
	}

	private static CronParser parser(CronType type) {
		return new CronParser(CronDefinitionBuilder.instanceDefinitionFor(type));
	}

	String expression() {
		return this.expression;
	}

	ZoneId zone() {
		return this.zone;
	}

	CronFormat format() {
		return this.format;
	}

	/** The first tick strictly after a time. */
	long next(long millis) {
		return millis(this.executions.nextExecution(atSecond(millis)), "after", millis);
	}

	/** The last tick strictly before a tick. */
	long previous(long tick) {
		return millis(this.executions.lastExecution(atSecond(tick)), "before", tick);
	}

	/** The latest tick at or before a time. */
	long latest(long millis) {
		return millis(this.executions.lastExecution(atSecond(millis).plusSeconds(1)), "before", millis);
	}

	private ZonedDateTime atSecond(long millis) {
		return Instant.ofEpochMilli(millis).atZone(this.zone).truncatedTo(ChronoUnit.SECONDS);
	}

	private long millis(Optional<ZonedDateTime> tick, String where, long millis) {
		return tick
			.orElseThrow(() -> new IllegalStateException("cron " + Texts.quote(this.expression) + " has no tick "
					+ where + " " + Instant.ofEpochMilli(millis)))
			.toInstant()
			.toEpochMilli();
	}

}
