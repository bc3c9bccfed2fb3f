/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.tasks;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.Texts;

/**
 * Stands in for an SMTP client: "sends" an {@link Email} by logging only the recipient's
 * domain, since payloads carry personal data and never belong in a log; and that domain
 * quoted through {@link Texts#quote}, since it is caller-written text: escaped, a line
 * break in it cannot start a forged log line, and cut, it cannot flood the log.
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
		logger.info("Sent {} to a recipient at {}", messageId, Texts.quote(email.domain()));
		return messageId;
	}

}
