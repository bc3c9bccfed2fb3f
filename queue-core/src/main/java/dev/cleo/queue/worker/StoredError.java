/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import dev.cleo.queue.Texts;
import dev.cleo.queue.UnreadablePayloadException;
import dev.cleo.queue.UnrecoverableTaskException;
import dev.cleo.queue.redis.Outcome;

/**
 * The error text stored with a failed attempt (the task's {@code error} field, read as
 * {@code TaskInfo.lastError()}). Its first line says what the attempt failed with:
 * {@code Class: message}, or the message alone for an {@link UnrecoverableTaskException}
 * or an {@link UnreadablePayloadException}, whose message is the reason; the message is
 * cut after {@value #MAX_MESSAGE} characters so that a long one cannot crowd out the
 * trace. A trimmed stack trace follows, as {@link Throwable#printStackTrace()} writes it:
 * the first {@value #MAX_FRAMES} frames of the exception and of each of its first
 * {@value #MAX_CAUSES} causes ({@code Caused by: ...}, messages cut after
 * {@value #MAX_CAUSE_MESSAGE} characters), each with {@code ... N more} for the frames
 * left out. the worker bounds the whole to {@code HistoryOptions.maxErrorLength()}
 * characters.
 */
final class StoredError {

	/** The most characters of the failure's message on the first line. */
	static final int MAX_MESSAGE = 1_000;

	/** The most characters of a cause's message. */
	static final int MAX_CAUSE_MESSAGE = 300;

	/** The most stack frames kept of the exception and of each cause. */
	static final int MAX_FRAMES = 12;

	/** The most causes kept. */
	static final int MAX_CAUSES = 3;

	private StoredError() {
	}

	/** The first line alone: what the attempt failed with. */
	static String summary(Throwable ex) {
		String message = Texts.bounded(ex.getMessage(), MAX_MESSAGE);
		return (ex instanceof UnrecoverableTaskException || ex instanceof UnreadablePayloadException) ? message
				: ex.getClass().getName() + ((message != null) ? ": " + message : "");
	}

	/** The first line and the trimmed stack trace. */
	static String of(Throwable ex) {
		StringBuilder text = new StringBuilder(summary(ex));
		appendFrames(text, ex);
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		seen.add(ex);
		Throwable cause = ex.getCause();
		for (int i = 0; i < MAX_CAUSES && cause != null && seen.add(cause); i++) {
			String message = Texts.bounded(cause.getMessage(), MAX_CAUSE_MESSAGE);
			text.append("\nCaused by: ").append(cause.getClass().getName());
			if (message != null) {
				text.append(": ").append(message);
			}
			appendFrames(text, cause);
			cause = cause.getCause();
		}
		return text.toString();
	}

	private static void appendFrames(StringBuilder text, Throwable ex) {
		StackTraceElement[] frames = ex.getStackTrace();
		int kept = Math.min(frames.length, MAX_FRAMES);
		for (int i = 0; i < kept; i++) {
			text.append("\n\tat ").append(frames[i]);
		}
		if (frames.length > kept) {
			text.append("\n\t... ").append(frames.length - kept).append(" more");
		}
	}

}
