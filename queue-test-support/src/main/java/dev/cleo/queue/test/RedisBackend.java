package dev.cleo.queue.test;

/**
 * One way of providing a Redis server to {@link RedisServer}: a spawned process, an
 * external server or a container. Only a spawned process can be stopped and started
 * again, so the defaults refuse.
 */
interface RedisBackend extends AutoCloseable {

	/**
	 * Returns where the server listens.
	 * @return the endpoint
	 */
	RedisEndpoint endpoint();

	/**
	 * Returns the URI a Redis client should connect to.
	 * @return the URI
	 */
	String uri();

	/**
	 * Returns whether the server is up.
	 * @return {@code true} while it runs
	 */
	boolean isRunning();

	/**
	 * Returns whether {@link #stop()} and {@link #restart()} are supported.
	 * @return {@code true} for a spawned process
	 */
	default boolean supportsRestart() {
		return false;
	}

	/**
	 * Saves the data and stops the server.
	 */
	default void stop() {
		throw unsupported("stop()");
	}

	/**
	 * Starts the server again on the same port with the data saved by {@link #stop()}.
	 */
	default void restart() {
		throw unsupported("restart()");
	}

	/**
	 * Releases the server; never throws.
	 */
	@Override
	void close();

	private UnsupportedOperationException unsupported(String method) {
		return new UnsupportedOperationException(method + " is not possible on " + this
				+ ": fault tests need a spawned redis-server (install redis-server and unset " + RedisServer.URL_ENV
				+ ")");
	}

}
