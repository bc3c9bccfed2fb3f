/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Turns Cleo's and the Redis client's INFO logging down to WARN while the bench runs
 * (pools start and stop once per scenario), keeping the bench's own progress lines, and
 * puts the levels back afterwards so an in-process caller is unaffected. Logs go to
 * stderr either way; stdout carries only the JSON lines.
 */
final class QuietLogging implements AutoCloseable {

	private static final Map<String, Level> BENCH_LEVELS = levels();

	private final Map<Logger, Level> previous = new LinkedHashMap<>();

	private QuietLogging() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			BENCH_LEVELS.forEach((name, level) -> {
				Logger logger = context.getLogger(name);
				this.previous.put(logger, logger.getLevel());
				logger.setLevel(level);
			});
		}
	}

	static QuietLogging apply() {
		return new QuietLogging();
	}

	@Override
	public void close() {
		this.previous.forEach(Logger::setLevel);
	}

	private static Map<String, Level> levels() {
		Map<String, Level> levels = new LinkedHashMap<>();
		levels.put("io.lettuce", Level.WARN);
		levels.put("io.netty", Level.WARN);
		levels.put("dev.cleo", Level.WARN);
		levels.put(QuietLogging.class.getPackageName(), Level.INFO);
		return levels;
	}

}
