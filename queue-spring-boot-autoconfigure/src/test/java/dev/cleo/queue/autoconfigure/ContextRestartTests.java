/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application context that is stopped and started again, as Spring's test context
 * cache pauses a cached context between test classes and restarts it when a later class
 * uses it: Spring's connection factory shuts its Lettuce client down when it stops and
 * makes a new one when it starts, and Cleo's workers must run tasks again after the
 * restart.
 */
@RedisTest
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ContextRestartTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=2s")
			.withBean(MailTasks.Ran.class)
			.withBean(MailTasks.Mailer.class);
	}

	@Test
	void tasksRunAfterTheContextIsPausedAndRestarted() {
		this.runner.run((context) -> {
			ConfigurableApplicationContext application = context
				.getSourceApplicationContext(ConfigurableApplicationContext.class);
			assertThat(receipt(context.getBean(MailTasks.Mailer.class), "before")).isEqualTo("sent:before");
			application.pause();
			application.restart();
			assertThat(receipt(context.getBean(MailTasks.Mailer.class), "after")).isEqualTo("sent:after");
		});
	}

	@Test
	void tasksRunAfterTheContextIsStoppedAndStarted() {
		this.runner.run((context) -> {
			ConfigurableApplicationContext application = context
				.getSourceApplicationContext(ConfigurableApplicationContext.class);
			application.stop();
			application.start();
			assertThat(receipt(context.getBean(MailTasks.Mailer.class), "again")).isEqualTo("sent:again");
		});
	}

	private static String receipt(MailTasks.Mailer mailer, String text) throws Exception {
		CompletableFuture<String> receipt = mailer.receipt(text);
		return receipt.get(20, TimeUnit.SECONDS);
	}

}
