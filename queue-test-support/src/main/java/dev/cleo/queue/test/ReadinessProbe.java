package dev.cleo.queue.test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleo.queue.test.RedisEndpoint.RedisErrorReply;

/**
 * Waits until a freshly spawned {@code redis-server} answers {@code PING}. The answer
 * only counts when {@code INFO server} reports the pid of <em>our</em> process: a stray
 * server on the same port must not pass for it.
 */
record ReadinessProbe(Process process, RedisEndpoint endpoint, RedisDirectory directory) {

	private static final long POLL_MILLIS = 20;

	private static final Pattern PROCESS_ID = Pattern.compile("^process_id:(\\d+)", Pattern.MULTILINE);

	private static final String PORT_IN_USE = "Address already in use";

	/**
	 * Waits for the server, ending the process if it does not become ready in time.
	 * @param timeout how long to wait
	 * @return {@code true} when ready, {@code false} when the process exited because its
	 * port was taken
	 * @throws IllegalStateException when the process exits for another reason or the
	 * timeout passes
	 */
	boolean await(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() - deadline < 0) {
			if (exitedWithin(POLL_MILLIS)) {
				String log = this.directory.logTail();
				if (log.contains(PORT_IN_USE)) {
					return false;
				}
				throw new IllegalStateException("redis-server exited with code " + this.process.exitValue()
						+ " before answering PING on port " + this.endpoint.port() + "; log:\n" + log);
			}
			if (isOurs() && this.endpoint.answersPing()) {
				return true;
			}
		}
		this.process.destroyForcibly();
		exitedWithin(TimeUnit.SECONDS.toMillis(5));
		throw new IllegalStateException("redis-server did not answer PING on port " + this.endpoint.port() + " within "
				+ timeout.toSeconds() + " s; log:\n" + this.directory.logTail());
	}

	private boolean isOurs() {
		try {
			Matcher matcher = PROCESS_ID.matcher((String) this.endpoint.probe("INFO", "server"));
			return matcher.find() && Long.parseLong(matcher.group(1)) == this.process.pid();
		}
		catch (IOException | RedisErrorReply ex) {
			return false;
		}
	}

	private boolean exitedWithin(long millis) {
		try {
			return this.process.waitFor(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
			throw new IllegalStateException("Interrupted while waiting for redis-server to start", ex);
		}
	}

}
