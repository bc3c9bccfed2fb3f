/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded {@code redis-server} outlives a Ctrl-C long enough for the application to
 * drain: it is neither in the JVM's process group (which a terminal signals as a whole)
 * nor in its session.
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedRedisTests {

	@Test
	void theServerRunsInASessionOfItsOwn() throws IOException {
		try (EmbeddedRedis redis = EmbeddedRedis.start()) {
			long jvm = ProcessHandle.current().pid();
			assertThat(processGroup(redis.pid())).isNotEqualTo(processGroup(jvm)).isEqualTo(redis.pid());
			assertThat(session(redis.pid())).isNotEqualTo(session(jvm)).isEqualTo(redis.pid());
			assertThat(command(redis.pid())).startsWith("redis-server");
		}
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
