/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.annotation.DefaultOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.RetryBackoff;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls of {@code @QueueClass} / {@code @Task} methods enqueue, and workers run the real
 * methods, against a real Redis.
 */
@RedisTest
class TaskProxyTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s")
			.withBean(Calls.class)
			.withBean(OrderService.class)
			.withBean(ChainService.class);
	}

	@Test
	void voidCallRunsTheRealMethodOnAWorkerWithItsArguments() {
		this.runner.run((context) -> {
			OrderService orders = context.getBean(OrderService.class);
			Calls calls = context.getBean(Calls.class);
			Order order = new Order("o-1", "c-42", List.of(new Item("pen", 2), new Item("ink", 1)));
			orders.place(order);
			await().untilAsserted(() -> assertThat(calls.placed).containsExactly(order));
			assertThat(calls.workerThreads).allMatch((name) -> name.startsWith("cleo-"));
		});
	}

	@Test
	void taskHandleReturnFollowsTheTaskToItsResult() {
		this.runner.run((context) -> {
			OrderService orders = context.getBean(OrderService.class);
			Calls calls = context.getBean(Calls.class);
			TaskHandle<Integer> handle = orders.count(List.of(new Item("pen", 2), new Item("ink", 3)));
			assertThat(handle.queue()).isEqualTo("orders");
			await().untilAsserted(() -> assertThat(handle.state()).contains(TaskState.COMPLETED));
			assertThat(context.getBean(QueueManager.class).task("orders", handle.id()).get().name())
				.isEqualTo("OrderService.count");
			assertThat(calls.counted).hasValue(5);
			assertThat(handle.result()).contains(5);
		});
	}

	@Test
	void dedupeKeyOverTheArgumentsReturnsTheFirstTask() {
		this.runner.withPropertyValues("cleo.worker.enabled=false").run((context) -> {
			OrderService orders = context.getBean(OrderService.class);
			TaskHandle<Void> first = orders.invoice(new Order("o-7", "c-1", List.of()));
			TaskHandle<Void> second = orders.invoice(new Order("o-7", "c-2", List.of()));
			TaskHandle<Void> other = orders.invoice(new Order("o-8", "c-1", List.of()));
			assertThat(second.isDuplicate()).isTrue();
			assertThat(second.id()).isEqualTo(first.id());
			assertThat(other.id()).isNotEqualTo(first.id());
		});
	}

	@Test
	void failingTaskIsRetriedThenDead() {
		this.runner.run((context) -> {
			OrderService orders = context.getBean(OrderService.class);
			Calls calls = context.getBean(Calls.class);
			TaskHandle<Void> handle = orders.flaky("boom");
			await().untilAsserted(() -> assertThat(handle.state()).contains(TaskState.DEAD));
			assertThat(calls.flakyAttempts).hasValue(2);
			assertThat(context.getBean(QueueManager.class).counts("orders").dead()).isEqualTo(1);
		});
	}

	@Test
	void taskCallFromInsideATaskIsEnqueued() {
		this.runner.run((context) -> {
			Calls calls = context.getBean(Calls.class);
			context.getBean(ChainService.class).parent("x");
			await().untilAsserted(() -> assertThat(calls.childHandle.get()).isNotNull());
			TaskHandle<Void> child = calls.childHandle.get();
			assertThat(child.id()).isNotNull();
			await().untilAsserted(() -> assertThat(child.state()).contains(TaskState.COMPLETED));
			assertThat(calls.children).containsExactly("x-child");
		});
	}

	@Test
	void callOfAMethodThatIsNoTaskRunsInline() {
		this.runner.run((context) -> assertThat(context.getBean(ChainService.class).describe()).isEqualTo("chain"));
	}

	@Test
	void completableFutureCompletesWithTheResult() {
		this.runner.run((context) -> {
			CompletableFuture<Integer> total = context.getBean(OrderService.class)
				.total(List.of(new Item("pen", 4), new Item("ink", 1)));
			assertThat(total.get(10, TimeUnit.SECONDS)).isEqualTo(5);
		});
	}

	record Item(String sku, int quantity) {
	}

	record Order(String id, String customerId, List<Item> items) {
	}

	/** What the task methods saw; a plain bean, so tests read it directly. */
	static class Calls {

		final List<Order> placed = new CopyOnWriteArrayList<>();

		final List<String> workerThreads = new CopyOnWriteArrayList<>();

		final AtomicInteger counted = new AtomicInteger();

		final AtomicInteger flakyAttempts = new AtomicInteger();

		final AtomicReference<TaskHandle<Void>> childHandle = new AtomicReference<>();

		final List<String> children = new CopyOnWriteArrayList<>();

	}

	@QueueClass(queue = "orders", defaultOptions = @DefaultOptions(group = "#order.customerId"))
	public static class OrderService {

		private final Calls calls;

		public OrderService(Calls calls) {
			this.calls = calls;
		}

		public void place(Order order) {
			this.calls.workerThreads.add(Thread.currentThread().getName());
			this.calls.placed.add(order);
		}

		@Task(group = "'counting'")
		public TaskHandle<Integer> count(List<Item> items) {
			int total = items.stream().mapToInt(Item::quantity).sum();
			this.calls.counted.set(total);
			return TaskHandle.completed(total);
		}

		@Task(dedupeKey = "#order.id")
		public TaskHandle<Void> invoice(Order order) {
			return null;
		}

		@Task(group = "'flaky'", retries = 1, backoff = @RetryBackoff(type = RetryBackoff.Type.FIXED, delay = "10ms"))
		public TaskHandle<Void> flaky(String reason) {
			this.calls.flakyAttempts.incrementAndGet();
			throw new IllegalStateException(reason);
		}

		@Task(group = "'totals'")
		public CompletableFuture<Integer> total(List<Item> items) {
			return CompletableFuture.completedFuture(items.stream().mapToInt(Item::quantity).sum());
		}

	}

	public static class ChainService {

		private final Calls calls;

		private final ChainService self;

		public ChainService(Calls calls, @Lazy ChainService self) {
			this.calls = calls;
			this.self = self;
		}

		@Task
		public void parent(String name) {
			this.calls.childHandle.set(this.self.child(name + "-child"));
		}

		@Task
		public TaskHandle<Void> child(String name) {
			this.calls.children.add(name);
			return null;
		}

		public String describe() {
			return "chain";
		}

	}

}
