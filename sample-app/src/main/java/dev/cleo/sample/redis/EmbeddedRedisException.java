/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.redis;

/**
 * An embedded {@code redis-server} could not be started: no executable, or it did not
 * answer. Callers say how to use a running Redis instead; {@link #INSTALL_HINT} says how
 * to get the executable.
 */
public class EmbeddedRedisException extends IllegalStateException {

	/** How to get a {@code redis-server}, for messages. */
	public static final String INSTALL_HINT = "install Redis 6.2 or later so that redis-server is on the PATH "
			+ "(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set "
			+ EmbeddedRedis.BINARY_ENV + " to its path";

	/**
	 * Create the exception.
	 * @param message what went wrong
	 * @param cause the cause, or {@code null}
	 */
	public EmbeddedRedisException(String message, Throwable cause) {
		super(message, cause);
	}

}
