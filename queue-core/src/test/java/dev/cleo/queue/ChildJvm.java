/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A worker in a JVM of its own, on the test class path, that a test can freeze
 * ({@code SIGSTOP}, as a long GC pause or a suspended VM would), thaw ({@code SIGCONT})
 * or kill ({@code SIGKILL}) for real. Its output goes to a file, printed when it is
 * closed. Linux (or any system with {@code kill} and {@code /proc}) only.
 */
final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final Path output;

	private ChildJvm(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Start {@code main} with {@code args}.
	 * @param main the class whose {@code main} runs
	 * @param args its arguments
	 * @return the running child
	 * @throws IOException when the JVM cannot be started
	 */
	static ChildJvm start(Class<?> main, String... args) throws IOException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		// a short-lived JVM: quick start-up matters more than peak speed
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), main.getName()));
		command.addAll(List.of(args));
		Path output = Files.createTempFile(main.getSimpleName(), ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		return new ChildJvm(process, output);
	}

	long pid() {
		return this.process.pid();
	}

	/** Stop every thread of the child, and wait until the kernel says it is stopped. */
	void freeze() {
		signal("STOP");
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> state() == 'T');
	}

	/** Let a frozen child run on. */
	void thaw() {
		signal("CONT");
	}

	/**
	 * Kill the child with {@code SIGKILL}, which it cannot catch: no shutdown hook, no
	 * hand-back of its leases.
	 * @return its exit code (137)
	 */
	int kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Child JVM " + pid() + " survived SIGKILL for 10 s");
		}
		return this.process.exitValue();
	}

	/** Kill the child if it still runs, print what it wrote, delete the file. */
	@Override
	public void close() throws Exception {
		try {
			if (this.process.isAlive()) {
				kill();
			}
		}
		finally {
			System.out.println("--- output of child JVM " + pid() + " ---");
			System.out.println(Files.readString(this.output));
			Files.deleteIfExists(this.output);
		}
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				kill.destroyForcibly();
				throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run kill -" + signal + " " + pid(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending SIG" + signal + " to " + pid(), ex);
		}
	}

	/** The process state letter from {@code /proc/<pid>/stat}: R, S, T (stopped), ... */
	private char state() throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
		return stat.charAt(stat.lastIndexOf(')') + 2);
	}

}
