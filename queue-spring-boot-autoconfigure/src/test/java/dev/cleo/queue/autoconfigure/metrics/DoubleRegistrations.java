/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

/**
 * Catches Micrometer's "This Gauge has been already registered" message while open.
 * Micrometer logs it at WARN once per JVM and at DEBUG after that, so this listens at
 * DEBUG: whichever test comes first, a double registration is seen.
 */
final class DoubleRegistrations implements AutoCloseable {

	private final Logger logger = (Logger) LoggerFactory.getLogger(MeterRegistry.class);

	private final Level level = this.logger.getLevel();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private DoubleRegistrations() {
		this.appender.start();
		this.logger.addAppender(this.appender);
		this.logger.setLevel(Level.DEBUG);
	}

	static DoubleRegistrations watch() {
		return new DoubleRegistrations();
	}

	/** The double-registration messages logged so far. */
	List<String> messages() {
		return this.appender.list.stream()
			.map(ILoggingEvent::getFormattedMessage)
			.filter((message) -> message.contains("already registered"))
			.toList();
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.level);
	}

}
