/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.sample.SampleApplication;

import static org.assertj.core.api.Assertions.assertThat;

@RedisTest
class DemoCommandTests {

	@Test
	void demoPrintsFinalStatesAndTheTaskThatRanOutOfAttempts(RedisServer redis) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = SampleApplication.run(new String[] { "demo", "--redis-url=" + redis.uri() },
				new PrintStream(out, true, StandardCharsets.UTF_8));
		String report = out.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		assertThat(report).contains("Final states:", "Dead-letter queue (1):", "attempts 2/3");
		assertThat(report.lines().filter((line) -> line.contains(" completed "))).hasSize(5);
		assertThat(report).doesNotContain("@example", "Hello!");
	}

	@Test
	void noArgumentsPrintsUsage() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(SampleApplication.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:").contains("bench", "demo");
	}

}
