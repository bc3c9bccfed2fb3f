/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

/**
 * A task method or handler bean that cannot work, found at start-up: the message names
 * the method and what is wrong, the action says how to fix it.
 * {@link TaskDefinitionFailureAnalyzer} turns it into Spring Boot's failure report.
 */
public class TaskDefinitionException extends RuntimeException {

	private final String action;

	/**
	 * An exception with its fix.
	 * @param message what is wrong, naming the method, such as
	 * {@code Task method EmailService.send(..) must return void, CompletableFuture or TaskHandle}
	 * @param action what to do about it
	 */
	public TaskDefinitionException(String message, String action) {
		super(message);
		this.action = action;
	}

	/**
	 * An exception with its fix and cause.
	 * @param message what is wrong
	 * @param action what to do about it
	 * @param cause the underlying failure
	 */
	public TaskDefinitionException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/**
	 * @return what to do about it
	 */
	public String getAction() {
		return this.action;
	}

}
