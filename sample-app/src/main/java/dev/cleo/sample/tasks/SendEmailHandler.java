/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.tasks;

import java.util.Map;

import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandler;

/**
 * QueueFlow's {@code send-email} task (payload {@code {to, subject, body}}), written as a
 * plain handler registered by name. Answers as QueueFlow's handler does: {@code {success,
 * sentAt, messageId}}.
 */
public final class SendEmailHandler implements TaskHandler {

	/** The task name. */
	public static final String NAME = "send-email";

	private final Mailer mailer;

	/**
	 * Create the handler.
	 * @param mailer what sends the e-mails
	 */
	public SendEmailHandler(Mailer mailer) {
		this.mailer = mailer;
	}

	@Override
	public Object handle(TaskContext context) {
		String messageId = this.mailer.send(context.payload(Email.class));
		return Map.of("success", true, "sentAt", System.currentTimeMillis(), "messageId", messageId);
	}

}
