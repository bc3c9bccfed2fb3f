/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.tasks;

/**
 * The payload of a {@code send-email} task.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param body the text
 */
public record Email(String to, String subject, String body) {

	/**
	 * The part of the address after the {@code @}: all that may be logged of it.
	 * @return the domain, or {@code "unknown domain"} for an address without one
	 */
	public String domain() {
		int at = (this.to != null) ? this.to.lastIndexOf('@') : -1;
		return (at >= 0) ? this.to.substring(at + 1) : "unknown domain";
	}

}
