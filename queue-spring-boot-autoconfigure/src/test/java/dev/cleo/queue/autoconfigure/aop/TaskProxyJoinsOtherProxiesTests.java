/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The task proxy joins a bean's {@code @Transactional} or {@code @Validated} proxy: one
 * proxy, and the worker's call runs through the other advice.
 */
@RedisTest
class TaskProxyJoinsOtherProxiesTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s");
	}

	@Test
	void transactionalTaskRunsInATransactionOnTheWorker() {
		this.runner.withUserConfiguration(TransactionConfiguration.class).run((context) -> {
			LedgerService ledger = context.getBean(LedgerService.class);
			ledger.book("e-1");
			Seen seen = context.getBean(Seen.class);
			await().untilAsserted(() -> assertThat(seen.inTransaction).containsExactly(true));
			assertThat(context.getBean(CountingTransactionManager.class).begins).hasValue(1);
			assertSingleProxyWith(ledger, "TransactionAttributeSourceAdvisor");
		});
	}

	@Test
	void validatedTaskRunsThroughOneProxy() {
		this.runner.withUserConfiguration(ValidationConfiguration.class).run((context) -> {
			GreetingService greetings = context.getBean(GreetingService.class);
			greetings.greet("Ada");
			Seen seen = context.getBean(Seen.class);
			await().untilAsserted(() -> assertThat(seen.names).containsExactly("Ada"));
			assertSingleProxyWith(greetings, "MethodValidation");
		});
	}

	private static void assertSingleProxyWith(Object bean, String otherAdvisor) throws Exception {
		assertThat(AopUtils.isAopProxy(bean)).isTrue();
		Advised advised = (Advised) bean;
		assertThat(AopUtils.isAopProxy(advised.getTargetSource().getTarget())).isFalse();
		List<String> advisors = Arrays.stream(advised.getAdvisors())
			.map(TaskProxyJoinsOtherProxiesTests::describe)
			.toList();
		assertThat(advisors.get(0)).contains("TaskAdvisor");
		assertThat(advisors).anyMatch((advisor) -> advisor.contains(otherAdvisor));
	}

	private static String describe(Advisor advisor) {
		return advisor.getClass().getSimpleName() + "/" + advisor.getAdvice().getClass().getSimpleName();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class TransactionConfiguration {

		@Bean
		CountingTransactionManager transactionManager() {
			return new CountingTransactionManager();
		}

		@Bean
		Seen seen() {
			return new Seen();
		}

		@Bean
		LedgerService ledgerService(Seen seen) {
			return new LedgerService(seen);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ValidationConfiguration {

		@Bean
		static MethodValidationPostProcessor methodValidationPostProcessor() {
			return new MethodValidationPostProcessor();
		}

		@Bean
		Seen seen() {
			return new Seen();
		}

		@Bean
		GreetingService greetingService(Seen seen) {
			return new GreetingService(seen);
		}

	}

	@QueueClass(queue = "ledger")
	@Transactional
	public static class LedgerService {

		private final Seen seen;

		public LedgerService(Seen seen) {
			this.seen = seen;
		}

		public void book(String entry) {
			this.seen.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
		}

	}

	@QueueClass(queue = "greetings")
	@Validated
	public static class GreetingService {

		private final Seen seen;

		public GreetingService(Seen seen) {
			this.seen = seen;
		}

		public void greet(@NotBlank String name) {
			this.seen.names.add(name);
		}

	}

	/** What the task methods saw. */
	static class Seen {

		final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

		final List<String> names = new CopyOnWriteArrayList<>();

	}

	/** Counts transactions begun; holds no resource. */
	static class CountingTransactionManager extends AbstractPlatformTransactionManager
			implements PlatformTransactionManager {

		final AtomicInteger begins = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
			this.begins.incrementAndGet();
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
