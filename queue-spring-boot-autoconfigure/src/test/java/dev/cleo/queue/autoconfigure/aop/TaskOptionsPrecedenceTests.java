/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskPriority;
import dev.cleo.queue.annotation.DefaultOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The precedence of docs/configuration.md, on the README's example and a real Redis:
 * {@code cleo.tasks.<id>} beats the method's {@code @Task}, which beats the class's
 * {@code @DefaultOptions}, which beats {@code cleo.queues.<queue>} and
 * {@code cleo.defaults}.
 */
@RedisTest
class TaskOptionsPrecedenceTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		// As in a Spring Boot application: placeholders resolve strictly.
		this.runner = CleoRunners
			.cleo(redis, "cleo.worker.shutdown-timeout=1s", "cleo.defaults.retries=2",
					"cleo.queues.notifications.retries=5", "cleo.queues.notifications.backoff.type=fixed",
					"cleo.queues.notifications.backoff.delay=0ms")
			.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class))
			.withBean(Attempts.class)
			.withBean(NotificationService.class);
	}

	@Test
	void theClassDefaultBeatsTheQueuePropertyAsTheReadmeSays() {
		this.runner.run((context) -> {
			assertThat(attemptsUntilDead(context)).isEqualTo(4);
			assertThat(options(context, "NotificationService.sendEmail").timeout()).isEqualTo(Duration.ofMinutes(5));
			assertThat(options(context, "NotificationService.sendInvoice").maxAttempts()).isEqualTo(10);
		});
	}

	@Test
	void aTaskPropertyBeatsTheAnnotations() {
		this.runner.withPropertyValues("cleo.tasks.NotificationService.sendEmail.retries=6").run((context) -> {
			assertThat(attemptsUntilDead(context)).isEqualTo(7);
			assertThat(options(context, "NotificationService.sendInvoice").maxAttempts()).isEqualTo(10);
		});
	}

	@Test
	void eachTaskPropertyOverridesOnlyWhatItSets() {
		this.runner
			.withPropertyValues("cleo.tasks.NotificationService.sendInvoice.timeout=1m",
					"cleo.tasks.NotificationService.sendInvoice.ttl=2h",
					"cleo.tasks.NotificationService.sendInvoice.priority=high",
					"cleo.tasks.NotificationService.sendInvoice.backoff.delay=3s",
					"cleo.tasks.invoices.remind.backoff.type=exponential",
					"cleo.tasks.invoices.remind.backoff.max-delay=1h", "cleo.tasks.invoices.remind.backoff.jitter=0.5")
			.run((context) -> {
				TaskOptions invoice = options(context, "NotificationService.sendInvoice");
				assertThat(invoice.maxAttempts()).isEqualTo(10);
				assertThat(invoice.timeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(invoice.ttl()).isEqualTo(Duration.ofHours(2));
				assertThat(invoice.priority()).isEqualTo(TaskPriority.HIGH.value());
				assertThat(invoice.backoff()).isEqualTo(Backoff.fixed(Duration.ofSeconds(3)));
				TaskOptions remind = options(context, "invoices.remind");
				assertThat(remind.backoff()).isEqualTo(Backoff.exponential(Duration.ZERO, Duration.ofHours(1), 0.5));
				assertThat(remind.priority()).isEqualTo(TaskPriority.LOW.value());
			});
	}

	@Test
	void taskIdsMatchAsRelaxedBindingMatchesEnvironmentVariables() {
		this.runner.withPropertyValues("cleo.tasks.notificationservice.sendemail.retries=6")
			.run((context) -> assertThat(options(context, "NotificationService.sendEmail").maxAttempts()).isEqualTo(7));
	}

	/** Call sendEmail, which always fails, and count its attempts until it is dead. */
	private static int attemptsUntilDead(AssertableApplicationContext context) {
		context.getBean(NotificationService.class).sendEmail("hello");
		QueueManager manager = context.getBean(QueueManager.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> manager.counts("notifications").dead() == 1);
		return context.getBean(Attempts.class).count.get();
	}

	static TaskOptions options(AssertableApplicationContext context, String id) {
		assertThat(context).hasNotFailed();
		TaskMethod task = context.getBean(TaskProxyPostProcessor.class).registry().byId(id);
		assertThat(task).as("task %s", id).isNotNull();
		return task.options();
	}

	/** How often sendEmail ran. */
	static class Attempts {

		final AtomicInteger count = new AtomicInteger();

	}

	/** The README's example. */
	@QueueClass(queue = "notifications", defaultOptions = @DefaultOptions(retries = 3, timeout = "5m"))
	public static class NotificationService {

		private final Attempts attempts;

		public NotificationService(Attempts attempts) {
			this.attempts = attempts;
		}

		public void sendEmail(String text) {
			this.attempts.count.incrementAndGet();
			throw new IllegalStateException("mail server refuses");
		}

		@Task(retries = 9)
		public void sendInvoice(String text) {
		}

		@Task(id = "invoices.remind", priority = TaskPriority.LOW)
		public void remind(String text) {
		}

	}

}
