/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.annotation.QueueClass;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the tests that check a task round-trips over one kind of Redis connection
 * (Cluster, Sentinel, TLS) share: the application ({@link #runner}) with a
 * {@link QueueClass} bean and a record of what its worker ran, and the assertions that
 * Cleo uses a client configured as Spring Boot's and that calls run on a worker.
 */
final class MailTasks {

	private MailTasks() {
	}

	/**
	 * The application with {@link Ran} and {@link Mailer} as beans, before a Redis is
	 * named.
	 * @param more auto-configurations besides Spring Boot's Redis and Cleo's
	 * @return the runner
	 */
	static ApplicationContextRunner runner(Class<?>... more) {
		return CleoRunners.cleo(more)
			.withPropertyValues("cleo.worker.shutdown-timeout=1s")
			.withBean(Ran.class)
			.withBean(Mailer.class);
	}

	/**
	 * Asserts that the {@link QueueManager} of a started application works on a Lettuce
	 * client configured as the one Spring Boot built (same kind, same options, same
	 * {@code ClientResources}), yet not that client itself, whose life ends whenever the
	 * context stops.
	 * @param context the application
	 * @return the manager's client
	 */
	static AbstractRedisClient assertManagerUsesAClientConfiguredAsSpringBoots(AssertableApplicationContext context) {
		AbstractRedisClient springBoots = context.getBean(LettuceConnectionFactory.class).getRequiredNativeClient();
		// White box: the client the manager's connector holds.
		AbstractRedisClient managers = (AbstractRedisClient) ReflectionTestUtils.getField(
				ReflectionTestUtils
					.getField(ReflectionTestUtils.getField(context.getBean(QueueManager.class), "engine"), "connector"),
				"client");
		assertThat(managers).isNotSameAs(springBoots).hasSameClassAs(springBoots);
		assertThat(managers.getResources()).isSameAs(springBoots.getResources());
		assertThat(managers.getOptions()).isEqualTo(springBoots.getOptions());
		return managers;
	}

	/**
	 * The keys a Redis holds, read over a client of the test support's own.
	 * @param client a new client, shut down afterwards
	 * @param pattern the {@code KEYS} pattern
	 * @return the keys
	 */
	static List<String> keys(RedisClient client, String pattern) {
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(pattern);
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	/**
	 * Calls the {@link Mailer} of a started application and asserts that both calls ran
	 * on a worker thread and the {@link CompletableFuture} completed with the result.
	 * @param context the application, with Cleo's workers running
	 */
	static void assertCallsRunOnAWorker(AssertableApplicationContext context) throws Exception {
		Mailer mailer = context.getBean(Mailer.class);
		mailer.send("hello");
		CompletableFuture<String> receipt = mailer.receipt("world");

		assertThat(receipt.get(20, TimeUnit.SECONDS)).isEqualTo("sent:world");
		await().untilAsserted(() -> assertThat(context.getBean(Ran.class).sent).contains("hello", "world"));
		assertThat(context.getBean(Ran.class).threads)
			.allSatisfy((thread) -> assertThat(thread).isNotEqualTo(Thread.currentThread().getName()));
		assertThat(context.getBean(QueueManager.class).queues()).contains("mail");
	}

	/** What the worker ran, and on which threads. */
	static class Ran {

		final List<String> sent = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

	}

	@QueueClass(queue = "mail")
	public static class Mailer {

		private final Ran ran;

		public Mailer(Ran ran) {
			this.ran = ran;
		}

		public void send(String text) {
			this.ran.sent.add(text);
			this.ran.threads.add(Thread.currentThread().getName());
		}

		public CompletableFuture<String> receipt(String text) {
			send(text);
			return CompletableFuture.completedFuture("sent:" + text);
		}

	}

}
