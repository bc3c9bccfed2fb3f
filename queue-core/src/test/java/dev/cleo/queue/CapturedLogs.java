/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.List;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * The lines logged under a logger (and its children) while it is open, each with the MDC
 * of the thread that logged it, read as they come: tests wait for a line with Awaitility.
 * Closing detaches it and puts the logger's level back.
 */
public final class CapturedLogs implements AutoCloseable {

	private final Logger logger;

	private final Level level;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			// The MDC and arguments of the logging thread, not of whoever reads later.
			event.prepareForDeferredProcessing();
			super.append(event);
		}

	};

	private CapturedLogs(String name, Level level) {
		this.logger = (Logger) LoggerFactory.getLogger(name);
		this.level = this.logger.getLevel();
		this.logger.setLevel(level);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/**
	 * Capture every line of Cleo's loggers from DEBUG up.
	 * @return the open capture
	 */
	public static CapturedLogs cleo() {
		return new CapturedLogs("dev.cleo.queue", Level.DEBUG);
	}

	/**
	 * The lines so far.
	 * @return a copy, oldest first
	 */
	public List<ILoggingEvent> lines() {
		synchronized (this.appender) {
			return List.copyOf(this.appender.list);
		}
	}

	/**
	 * The lines so far that match.
	 * @param filter which lines
	 * @return a copy, oldest first
	 */
	public List<ILoggingEvent> lines(Predicate<ILoggingEvent> filter) {
		return lines().stream().filter(filter).toList();
	}

	/**
	 * Everything a line shows: its message, its MDC and its exception chain (types,
	 * messages and frames).
	 * @param line the line
	 * @return the text
	 */
	public static String fullText(ILoggingEvent line) {
		StringBuilder text = new StringBuilder(line.getFormattedMessage()).append(line.getMDCPropertyMap());
		for (IThrowableProxy ex = line.getThrowableProxy(); ex != null; ex = ex.getCause()) {
			text.append('\n').append(ex.getClassName()).append(": ").append(ex.getMessage());
			for (var frame : ex.getStackTraceElementProxyArray()) {
				text.append('\n').append(frame.getSTEAsString());
			}
		}
		return text.toString();
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.level);
	}

}
