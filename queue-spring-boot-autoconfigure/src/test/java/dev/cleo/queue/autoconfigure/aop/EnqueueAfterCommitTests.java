/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.function.Supplier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.cleo.queue.PayloadTooLargeException;
import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueUnavailableException;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * A task method called inside a transaction is enqueued when the transaction commits and
 * not at all when it rolls back; outside one, when the task opts out, or for a
 * {@code TaskHandle}, at the call.
 */
@RedisTest
@ExtendWith(OutputCaptureExtension.class)
class EnqueueAfterCommitTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s")
			.withUserConfiguration(TransactionConfiguration.class);
	}

	@Test
	void callInsideATransactionIsEnqueuedWhenItCommits() {
		this.runner.run((context) -> {
			List<String> lines = new ArrayList<>(List.of("north"));
			inTransaction(context, () -> {
				reports(context).render(lines);
				// Taken at the call: a later change of the argument is not the task's.
				lines.add("south");
				assertThat(stored(context)).isZero();
			});
			assertThat(stored(context)).isEqualTo(1);
			await().untilAsserted(() -> assertThat(context.getBean(Rendered.class).lines).containsExactly("north"));
		});
	}

	@Test
	void futureOfACallInsideATransactionCompletesWithTheResultAfterTheCommit() throws Exception {
		this.runner.run((context) -> {
			CompletableFuture<String> summary = inTransaction(context, () -> {
				CompletableFuture<String> future = reports(context).summarise("q3");
				assertThat(stored(context)).isZero();
				return future;
			});
			assertThat(summary.get(10, TimeUnit.SECONDS)).isEqualTo("summary of q3");
		});
	}

	@Test
	void rolledBackTransactionEnqueuesNothingAndFailsTheFuture() {
		this.runner.run((context) -> {
			CompletableFuture<String> summary = transactions(context).execute((status) -> {
				reports(context).render(List.of("east"));
				CompletableFuture<String> future = reports(context).summarise("q4");
				status.setRollbackOnly();
				return future;
			});
			assertThat(summary).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> summary.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(TaskNotEnqueuedException.class)
				.withMessageContaining("Task ReportService.summarise (queue reports) was not enqueued: "
						+ "the transaction rolled back");
			assertThat(stored(context)).isZero();
		});
	}

	@Test
	void inlineCallsInsideATransactionRunAfterItCommitsAndNotOnRollback() {
		this.runner.withPropertyValues("cleo.worker.enabled=false")
			.withBean(InlineTaskCalls.class, () -> (taskId) -> true)
			.run((context) -> {
				Rendered rendered = context.getBean(Rendered.class);
				inTransaction(context, () -> {
					reports(context).render(List.of("north"));
					assertThat(rendered.lines).as("runs at the commit, not at the call").isEmpty();
				});
				assertThat(rendered.lines).containsExactly("north");
				CompletableFuture<String> summary = transactions(context).execute((status) -> {
					reports(context).render(List.of("east"));
					CompletableFuture<String> future = reports(context).summarise("q4");
					status.setRollbackOnly();
					return future;
				});
				assertThat(rendered.lines).as("nothing ran for the rolled-back transaction").containsExactly("north");
				assertThat(summary).failsWithin(Duration.ZERO)
					.withThrowableThat()
					.havingCause()
					.isInstanceOf(TaskNotEnqueuedException.class)
					.withMessageContaining("did not run inline: the transaction it was called in rolled back");
				CompletableFuture<String> committed = inTransaction(context, () -> reports(context).summarise("q1"));
				assertThat(committed).isCompletedWithValue("summary of q1");
				assertThat(stored(context)).as("inline calls enqueue nothing").isZero();
			});
	}

	@Test
	void payloadThatCannotBeStoredFailsTheCallInsideTheTransaction() {
		this.runner.withPropertyValues("cleo.worker.enabled=false", "cleo.max-payload-size=1KB").run((context) -> {
			List<String> tooLong = List.of("x".repeat(2000));
			assertThatExceptionOfType(PayloadTooLargeException.class)
				.isThrownBy(() -> inTransaction(context, () -> reports(context).render(tooLong)));
			assertThat(stored(context)).isZero();
		});
	}

	@Test
	void synchronisationWithoutATransactionEnqueuesAtOnce() {
		this.runner.withPropertyValues("cleo.worker.enabled=false").run((context) -> {
			TransactionTemplate supports = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			supports.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
			supports.executeWithoutResult((status) -> {
				reports(context).render(List.of("down"));
				assertThat(stored(context)).isEqualTo(1);
			});
		});
	}

	@Test
	void callOutsideATransactionIsEnqueuedAtOnce() {
		this.runner.withPropertyValues("cleo.worker.enabled=false").run((context) -> {
			reports(context).render(List.of("west"));
			assertThat(stored(context)).isEqualTo(1);
		});
	}

	@Test
	void taskThatOptsOutIsEnqueuedAtOnceInsideATransaction() {
		this.runner.withPropertyValues("cleo.worker.enabled=false").run((context) -> inTransaction(context, () -> {
			reports(context).audit("r-1");
			assertThat(stored(context)).isEqualTo(1);
		}));
	}

	@Test
	void propertyOffEnqueuesAtOnceInsideATransactionUnlessTheTaskOptsIn() {
		this.runner.withPropertyValues("cleo.worker.enabled=false", "cleo.defaults.enqueue-after-commit=false")
			.run((context) -> inTransaction(context, () -> {
				reports(context).render(List.of("up"));
				assertThat(stored(context)).isEqualTo(1);
				reports(context).archive("r-2");
				assertThat(stored(context)).isEqualTo(1);
			}));
	}

	@Test
	void taskHandleMethodIsEnqueuedAtOnceInsideATransaction() {
		this.runner.withPropertyValues("cleo.worker.enabled=false").run((context) -> inTransaction(context, () -> {
			TaskHandle<String> handle = reports(context).follow("r-3");
			assertThat(handle.id()).isNotNull();
			assertThat(stored(context)).isEqualTo(1);
		}));
	}

	@Test
	void taskHandleMethodThatAsksForAfterCommitFailsTheStart() {
		this.runner.withBean(HandleAfterCommit.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(TaskDefinitionException.class)
				.hasMessage("Task method HandleAfterCommit.follow(..) returns TaskHandle, which names a stored task, "
						+ "so it cannot be enqueued after the transaction commits");
		});
	}

	@Test
	void enqueueThatFailsAfterTheCommitIsLoggedAndFailsTheFuture(RedisServer redis, CapturedOutput output) {
		assumeThat(redis.supportsRestart()).as("needs a redis-server it can stop").isTrue();
		this.runner.withPropertyValues("cleo.worker.enabled=false", "cleo.command-timeout=1s").run((context) -> {
			CompletableFuture<String> summary = inTransaction(context, () -> {
				CompletableFuture<String> future = reports(context).summarise("secret-figures");
				redis.stop();
				return future;
			});
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> summary.get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TaskNotEnqueuedException.class)
				.withMessage("Task ReportService.summarise (queue reports) was not enqueued after its transaction "
						+ "committed")
				.havingCause()
				.isInstanceOf(QueueUnavailableException.class);
			assertThat(output).contains("ERROR")
				.contains("Task ReportService.summarise (queue reports) was not enqueued after its transaction "
						+ "committed")
				.doesNotContain("secret-figures");
		});
	}

	private static void inTransaction(AssertableApplicationContext context, Runnable work) {
		transactions(context).executeWithoutResult((status) -> work.run());
	}

	private static <T> T inTransaction(AssertableApplicationContext context, Supplier<T> work) {
		return transactions(context).execute((status) -> work.get());
	}

	private static TransactionTemplate transactions(AssertableApplicationContext context) {
		return context.getBean(TransactionTemplate.class);
	}

	private static ReportService reports(AssertableApplicationContext context) {
		return context.getBean(ReportService.class);
	}

	/** Tasks in Redis in any state. */
	private static long stored(AssertableApplicationContext context) {
		QueueCounts counts = context.getBean(QueueManager.class).counts("reports");
		return counts.waiting() + counts.delayed() + counts.active() + counts.finished() + counts.dead();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class TransactionConfiguration {

		@Bean
		NoResourceTransactionManager transactionManager() {
			return new NoResourceTransactionManager();
		}

		@Bean
		TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
			return new TransactionTemplate(transactionManager);
		}

		@Bean
		Rendered rendered() {
			return new Rendered();
		}

		@Bean
		ReportService reportService(Rendered rendered) {
			return new ReportService(rendered);
		}

	}

	/**
	 * A real transaction manager, with Spring's synchronisation, that holds no resource.
	 */
	static class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

	/** What the workers rendered. */
	static class Rendered {

		final List<String> lines = new CopyOnWriteArrayList<>();

	}

	@QueueClass(queue = "reports")
	public static class ReportService {

		private final Rendered rendered;

		public ReportService(Rendered rendered) {
			this.rendered = rendered;
		}

		public void render(List<String> lines) {
			this.rendered.lines.addAll(lines);
		}

		public CompletableFuture<String> summarise(String quarter) {
			return CompletableFuture.completedFuture("summary of " + quarter);
		}

		@Task(enqueueAfterCommit = false)
		public void audit(String id) {
		}

		@Task(enqueueAfterCommit = true)
		public void archive(String id) {
		}

		public TaskHandle<String> follow(String id) {
			return TaskHandle.completed(id);
		}

	}

	@QueueClass(queue = "reports")
	public static class HandleAfterCommit {

		@Task(enqueueAfterCommit = true)
		public TaskHandle<String> follow(String id) {
			return TaskHandle.completed(id);
		}

	}

}
