package dev.cleo.queue.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import dev.cleo.queue.test.RedisEndpoint.RedisErrorReply;

/**
 * A {@code redis-server} child process on a loopback port (plain, TLS-only or as a
 * Sentinel, as its {@link RedisLaunch} says), with its own temporary directory holding
 * {@code dump.rdb} and the logs. It is not daemonized, so the JVM can always find and end
 * it; {@link SpawnedProcesses} ends it when the JVM exits.
 */
final class RedisProcess implements RedisBackend {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

	private static final int PORT_ATTEMPTS = 5;

	private final Path binary;

	private final RedisDirectory directory;

	private final RedisLaunch launch;

	private RedisEndpoint endpoint;

	private Process process;

	private RedisProcess(Path binary, RedisDirectory directory, RedisLaunch launch) {
		this.binary = binary;
		this.directory = directory;
		this.launch = launch;
	}

	/**
	 * Spawns {@code redis-server} on a free port and waits until it answers {@code PING}.
	 * @param binary the {@code redis-server} executable
	 * @param ports supplies candidate ports; asked again when a port turns out to be
	 * taken
	 * @return the running process
	 */
	static RedisProcess start(Path binary, IntSupplier ports) {
		return start(binary, ports, List.of());
	}

	/**
	 * Spawns {@code redis-server} with more command-line arguments on a free port and
	 * waits until it answers {@code PING}.
	 * @param binary the {@code redis-server} executable
	 * @param ports supplies candidate ports; asked again when a port turns out to be
	 * taken
	 * @param extraArguments appended to the command line; relative file names resolve in
	 * the process's own directory
	 * @return the running process
	 */
	static RedisProcess start(Path binary, IntSupplier ports, List<String> extraArguments) {
		return start(binary, RedisDirectory.create(), ports, RedisLaunch.plain(extraArguments));
	}

	/**
	 * Spawns {@code redis-server} as a launch describes (Sentinel, TLS) in a directory
	 * the caller prepared, and waits until it answers {@code PING}.
	 * @param binary the {@code redis-server} executable
	 * @param directory the working directory, already holding the files the launch names;
	 * deleted when the process is closed, or at once if it fails to start
	 * @param ports supplies candidate ports; asked again when a port turns out to be
	 * taken
	 * @param launch what differs from a plain server
	 * @return the running process
	 */
	static RedisProcess start(Path binary, RedisDirectory directory, IntSupplier ports, RedisLaunch launch) {
		RedisProcess redis = new RedisProcess(binary, directory, launch);
		SpawnedProcesses.register(redis);
		try {
			redis.launchOnFreePort(ports);
			return redis;
		}
		catch (RuntimeException ex) {
			redis.close();
			throw ex;
		}
	}

	private void launchOnFreePort(IntSupplier ports) {
		for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
			this.endpoint = this.launch.endpoint(ports.getAsInt());
			if (launch()) {
				return;
			}
		}
		throw new IllegalStateException("redis-server found its port already in use " + PORT_ATTEMPTS
				+ " times; a stray redis-server may be holding ports (pgrep -a redis-server)");
	}

	/**
	 * Starts the process on the current port; returns {@code false} if the port was
	 * taken.
	 */
	private boolean launch() {
		this.directory.clearLogs();
		ProcessBuilder builder = new ProcessBuilder(command()).directory(this.directory.path().toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.output().toFile());
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not run " + this.binary + ": set " + RedisServer.BINARY_ENV + " to a working redis-server",
					ex);
		}
		return new ReadinessProbe(this.process, this.endpoint, this.directory).await(READY_TIMEOUT);
	}

	private List<String> command() {
		List<String> command = this.launch.head(this.binary);
		command.addAll(this.launch.listenArguments(this.endpoint.port()));
		command.addAll(List.of("--bind", this.endpoint.host(), "--daemonize", "no", "--save", "", "--appendonly", "no",
				"--dir", this.directory.path().toString(), "--logfile", this.directory.log().toString()));
		command.addAll(this.launch.arguments());
		return command;
	}

	/**
	 * Returns the process's working directory.
	 * @return the directory
	 */
	RedisDirectory directory() {
		return this.directory;
	}

	@Override
	public RedisEndpoint endpoint() {
		return this.endpoint;
	}

	@Override
	public String uri() {
		return (this.endpoint.ssl() ? "rediss://" : "redis://") + this.endpoint.host() + ":" + this.endpoint.port();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	@Override
	public boolean supportsRestart() {
		return true;
	}

	@Override
	public synchronized void stop() {
		if (!isRunning()) {
			return;
		}
		try {
			this.endpoint.shutdown("SAVE");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not send SHUTDOWN SAVE to " + this, ex);
		}
		catch (RedisErrorReply ex) {
			throw new IllegalStateException(
					this + " refused SHUTDOWN SAVE (" + ex.getMessage() + "); log:\n" + this.directory.logTail(), ex);
		}
		if (!awaitExit()) {
			throw new IllegalStateException(this + " did not exit within " + EXIT_TIMEOUT.toSeconds()
					+ " s of SHUTDOWN SAVE; log:\n" + this.directory.logTail());
		}
	}

	@Override
	public synchronized void restart() {
		stop();
		if (!launch()) {
			throw new IllegalStateException("Could not restart " + this + ": another process took port "
					+ this.endpoint.port() + " while it was stopped");
		}
	}

	@Override
	public synchronized void close() {
		try {
			if (isRunning()) {
				shutdownNoSave();
			}
		}
		finally {
			SpawnedProcesses.unregister(this);
			this.directory.delete();
		}
	}

	private void shutdownNoSave() {
		try {
			this.endpoint.shutdown("NOSAVE");
		}
		catch (IOException | RuntimeException ex) {
			this.process.destroy();
		}
		if (!awaitExit()) {
			this.process.destroyForcibly();
			awaitExit();
		}
	}

	private boolean awaitExit() {
		try {
			return this.process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public String toString() {
		String pid = (this.process != null) ? " (pid " + this.process.pid() + ")" : "";
		return "redis-server on " + this.endpoint.host() + ":" + this.endpoint.port() + pid + " in "
				+ this.directory.path();
	}

}
