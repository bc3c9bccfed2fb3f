package dev.cleo.queue.test;

import java.io.IOException;

/**
 * A Redis server someone else runs, named by {@code CLEO_TEST_REDIS_URL}. It is used
 * as-is: never stopped, never restarted, and left running on close.
 */
final class ExternalRedis implements RedisBackend {

	private final String url;

	private final RedisEndpoint endpoint;

	private ExternalRedis(String url) {
		this.url = url;
		this.endpoint = RedisEndpoint.parse(url);
	}

	/**
	 * Connects to the server at the given URL, failing fast when it does not answer
	 * {@code PING}.
	 * @param url a {@code redis://} or {@code rediss://} URL
	 * @return the backend
	 */
	static ExternalRedis connect(String url) {
		ExternalRedis redis = new ExternalRedis(url);
		try {
			redis.endpoint.call("PING");
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException(RedisServer.URL_ENV + "=" + redacted(url) + " does not answer PING (" + ex
					+ "): start that server or unset " + RedisServer.URL_ENV, ex);
		}
		return redis;
	}

	@Override
	public RedisEndpoint endpoint() {
		return this.endpoint;
	}

	@Override
	public String uri() {
		return this.url;
	}

	@Override
	public boolean isRunning() {
		return this.endpoint.answersPing();
	}

	@Override
	public void close() {
	}

	@Override
	public String toString() {
		return "the external server " + RedisServer.URL_ENV + "=" + redacted(this.url);
	}

	private static String redacted(String url) {
		return url.replaceFirst("//[^/@]*@", "//***@");
	}

}
