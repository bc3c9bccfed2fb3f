/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandler;

/**
 * Pretends to send an {@link Email}. It logs only the recipient's domain: payloads carry
 * personal data and never belong in a log.
 */
final class SendEmailHandler implements TaskHandler {

	static final String NAME = "send-email";

	private static final Logger logger = LoggerFactory.getLogger(SendEmailHandler.class);

	@Override
	public Object handle(TaskContext context) {
		Email email = context.payload(Email.class);
		logger.info("Task {}: sent to {}", context.id(), email.domain());
		return null;
	}

}
