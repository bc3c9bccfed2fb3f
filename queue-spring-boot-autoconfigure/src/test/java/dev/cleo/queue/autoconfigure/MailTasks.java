/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.annotation.QueueClass;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@link QueueClass} bean and a record of what its worker ran, for the tests that check
 * a task round-trips over one kind of Redis connection (Cluster, Sentinel, TLS). Register
 * both {@link Ran} and {@link Mailer} as beans.
 */
final class MailTasks {

	private MailTasks() {
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
