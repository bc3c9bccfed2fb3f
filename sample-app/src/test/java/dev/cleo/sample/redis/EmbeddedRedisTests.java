/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded {@code redis-server} outlives a Ctrl-C long enough for the application to
 * drain: it is neither in the JVM's process group (which a terminal signals as a whole)
 * nor in its session, and a signal to the whole group leaves it running until the
 * application stops it.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIf("setsidExists")
class EmbeddedRedisTests {

	static boolean setsidExists() {
		return Files.isExecutable(Path.of("/usr/bin/setsid"));
	}

	@Test
	void theServerRunsInASessionOfItsOwn() throws IOException {
		try (EmbeddedRedis redis = EmbeddedRedis.start()) {
			long jvm = ProcessHandle.current().pid();
			assertThat(processGroup(redis.pid())).isNotEqualTo(processGroup(jvm)).isEqualTo(redis.pid());
			assertThat(session(redis.pid())).isNotEqualTo(session(jvm)).isEqualTo(redis.pid());
			assertThat(command(redis.pid())).startsWith("redis-server");
		}
	}

	@Test
	void aSignalToTheWholeProcessGroupLeavesTheServerToTheApplication() throws Exception {
		// The probe leads a process group of its own, as a foreground job in a terminal
		// does;
		// SIGTERM, not SIGINT, because a JVM started in the background ignores SIGINT.
		Process probe = new ProcessBuilder("/usr/bin/setsid", ProcessHandle.current().info().command().orElseThrow(),
				"-cp", System.getProperty("java.class.path"), GroupSignalProbe.class.getName())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = probe.inputReader()) {
			String ready = readLine(out);
			assertThat(ready).startsWith("ready ");
			long server = Long.parseLong(ready.substring("ready ".length()));
			Process kill = new ProcessBuilder("kill", "-TERM", "--", "-" + probe.pid()).inheritIO().start();
			assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(readLine(out)).isEqualTo("redis alive at drain: true");
			assertThat(probe.waitFor(20, TimeUnit.SECONDS)).isTrue();
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false), (alive) -> !alive);
		}
		finally {
			probe.destroyForcibly();
		}
	}

	/** The next line of the probe's output that is not a log line, within 30 s. */
	private static String readLine(BufferedReader out) throws Exception {
		return CompletableFuture.supplyAsync(() -> {
			try {
				String line;
				while ((line = out.readLine()) != null) {
					if (line.startsWith("ready ") || line.startsWith("redis alive")) {
						return line;
					}
				}
				return null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).get(30, TimeUnit.SECONDS);
	}

	private static long processGroup(long pid) throws IOException {
		return Long.parseLong(statFields(pid)[2]);
	}

	private static long session(long pid) throws IOException {
		return Long.parseLong(statFields(pid)[3]);
	}

	/**
	 * The fields of /proc/PID/stat after the command name: state, ppid, pgrp, session.
	 */
	private static String[] statFields(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
	}

	private static String command(long pid) throws IOException {
		return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
	}

}
