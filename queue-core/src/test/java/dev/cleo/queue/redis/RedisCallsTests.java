/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.io.IOException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.QueueUnavailableException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisCalls#translate}: what a caller reads (and an HTTP API may show) says why
 * Redis is unavailable without the client's class names.
 */
class RedisCallsTests {

	@Test
	void commandTimeoutSaysRedisDidNotAnswerWithoutTheClientsClassName() {
		QueueException translated = RedisCalls.translate(
				new CompletionException(
						new RedisCommandTimeoutException("EVALSHA. Command timed out after 2 second(s)")),
				"enqueue tasks");
		assertThat(translated).isInstanceOf(QueueUnavailableException.class)
			.hasMessage("Could not enqueue tasks: Redis did not answer within the client's command timeout");
	}

	@Test
	void connectionFailureSaysRedisCouldNotBeReached() {
		assertThat(RedisCalls.translate(new RedisConnectionException("Unable to connect to 127.0.0.1/<unresolved>:1"),
				"read a task"))
			.hasMessage("Could not read a task: Redis could not be reached");
		assertThat(RedisCalls.translate(new IOException("Connection reset by peer"), "read a task"))
			.hasMessage("Could not read a task: Redis could not be reached");
	}

	@Test
	void anyOtherFailureNamesNoClass() {
		assertThat(RedisCalls.translate(new IllegalStateException("io.netty.channel.StacklessClosedChannelException"),
				"read a task"))
			.isInstanceOf(QueueUnavailableException.class)
			.hasMessage("Could not read a task: Redis is unavailable");
	}

}
