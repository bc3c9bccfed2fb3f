/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.tasks;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.sample.logging.LogSafe;

/**
 * Stands in for an SMTP client: "sends" an {@link Email} by logging only the recipient's
 * domain, since payloads carry personal data and never belong in a log; and that domain
 * through {@link LogSafe}, since it is caller-written text.
 */
public class Mailer {

	private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

	/**
	 * Send an e-mail.
	 * @param email the e-mail
	 * @return the message id the "server" gave it
	 */
	public String send(Email email) {
		if (email.to() == null || email.to().isBlank()) {
			throw new IllegalArgumentException("An e-mail needs a recipient ('to')");
		}
		String messageId = "msg-" + UUID.randomUUID();
		logger.info("Sent {} to a recipient at {}", messageId, LogSafe.text(email.domain()));
		return messageId;
	}

}
