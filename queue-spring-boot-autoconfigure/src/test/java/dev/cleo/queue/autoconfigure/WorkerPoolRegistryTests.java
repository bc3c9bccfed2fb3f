/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPoolOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker pools as beans: planned by a {@link WorkerPoolPlan} bean, made and run by
 * one {@link WorkerPoolRegistry}, against a real Redis.
 */
@RedisTest
class WorkerPoolRegistryTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=10s")
			.withConfiguration(AutoConfigurations.of(ConsumerOnlyConfiguration.class));
	}

	@Test
	void eachPlannedPoolIsABeanOfTheRegistry() {
		this.runner.withPropertyValues("cleo.queues.audit.concurrency=2")
			.withBean(ReportService.class)
			.run((context) -> {
				Map<String, ManagedWorkerPool> pools = context.getBeansOfType(ManagedWorkerPool.class);
				assertThat(pools).containsOnlyKeys("cleoWorkerPool.reports", "cleoWorkerPool.audit");
				assertThat(context.getBeanFactory().containsBeanDefinition("cleoWorkerPool.reports")).isTrue();
				WorkerPoolRegistry registry = context.getBean(WorkerPoolRegistry.class);
				assertThat(registry.pools()).containsExactlyInAnyOrderElementsOf(pools.values());
				assertThat(registry.pool("reports")).isSameAs(pools.get("cleoWorkerPool.reports"));
				assertThat(registry.isRunning()).isTrue();
				assertThat(registry.pools()).allMatch(ManagedWorkerPool::isRunning);
			});
	}

	@Test
	void aConditionOnThePlanSeesWhetherThisInstanceConsumes() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(WorkerPoolPlan.class)
			.hasSingleBean(WorkerPoolRegistry.class)
			.hasBean("consumerOnly"));
		this.runner.withPropertyValues("cleo.worker.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WorkerPoolPlan.class)
				.doesNotHaveBean(WorkerPoolRegistry.class)
				.doesNotHaveBean("consumerOnly"));
	}

	@Test
	void userRegistryBacksOursOff() {
		this.runner.withUserConfiguration(UserRegistryConfiguration.class)
			.withBean(ReportService.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(WorkerPoolRegistry.class).doesNotHaveBean(ManagedWorkerPool.class);
				assertThat(context.getBean(WorkerPoolRegistry.class)).isSameAs(context.getBean("userRegistry"));
			});
	}

	@Test
	void userPlanDecidesThePools() {
		WorkerPoolPlan plan = () -> List.of(WorkerPoolOptions.builder().name("only").queue("imports").build());
		this.runner.withBean(WorkerPoolPlan.class, () -> plan).withBean(ReportService.class).run((context) -> {
			assertThat(context.getBeansOfType(ManagedWorkerPool.class)).containsOnlyKeys("cleoWorkerPool.only");
			assertThat(context.getBean(ApplicationQueues.class).names()).contains("imports", "reports");
		});
	}

	@Test
	void stoppingTheRegistryDrainsAndStopsEveryPool() {
		this.runner.withPropertyValues("cleo.queues.audit.concurrency=2")
			.withBean(ReportService.class)
			.run((context) -> {
				CountDownLatch started = new CountDownLatch(1);
				CountDownLatch release = new CountDownLatch(1);
				QueueManager manager = context.getBean(QueueManager.class);
				manager.register("slow", (task) -> {
					started.countDown();
					return release.await(10, TimeUnit.SECONDS) ? "done" : "timed out";
				});
				TaskHandle<Object> handle = manager.enqueue("slow", "", TaskOptions.defaults().queue("reports"));
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				WorkerPoolRegistry registry = context.getBean(WorkerPoolRegistry.class);
				AtomicBoolean stopped = new AtomicBoolean();
				registry.stop(() -> stopped.set(true));
				// The running task holds its pool's stop, so the callback waits for it.
				assertThat(stopped).isFalse();
				assertThat(registry.isRunning()).isFalse();
				release.countDown();
				await().untilTrue(stopped);
				assertThat(registry.pools()).hasSize(2).noneMatch(ManagedWorkerPool::isRunning);
				assertThat(handle.completion().get(10, TimeUnit.SECONDS)).isEqualTo("done");
			});
	}

	@Test
	void aPoolStopsOnItsOwnByName() {
		this.runner.withPropertyValues("cleo.queues.audit.concurrency=2")
			.withBean(ReportService.class)
			.run((context) -> {
				WorkerPoolRegistry registry = context.getBean(WorkerPoolRegistry.class);
				context.getBean(WorkerPoolRegistry.POOL_BEAN_PREFIX + "audit", ManagedWorkerPool.class).stop();
				assertThat(registry.pool("audit").isRunning()).isFalse();
				assertThat(registry.pool("reports").isRunning()).isTrue();
				assertThat(registry.isRunning()).isTrue();
			});
	}

	@QueueClass(queue = "reports")
	public static class ReportService {

		public void render(String name) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		@Bean
		WorkerPoolRegistry userRegistry(QueueManager manager, ApplicationQueues queues) {
			return new WorkerPoolRegistry(manager, List::of, queues);
		}

	}

	/** An auto-configuration for instances that consume, as an application might add. */
	@AutoConfiguration(after = CleoAutoConfiguration.class)
	@ConditionalOnBean(WorkerPoolPlan.class)
	static class ConsumerOnlyConfiguration {

		@Bean
		String consumerOnly() {
			return "consumer";
		}

	}

}
