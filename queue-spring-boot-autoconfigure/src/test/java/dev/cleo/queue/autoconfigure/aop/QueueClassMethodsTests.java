/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskContext;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The methods of a {@code @QueueClass} a Spring user calls directly stay direct calls,
 * and a task's call of another method of its own bean runs inside that task.
 */
@RedisTest
class QueueClassMethodsTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s").withBean(Seen.class);
	}

	@Test
	void eventListenerRunsWhenTheEventIsPublishedInsteadOfBeingEnqueued() {
		this.runner.withPropertyValues("cleo.worker.enabled=false").withBean(Listening.class).run((context) -> {
			context.publishEvent(new Placed("o-1"));
			Seen seen = context.getBean(Seen.class);
			assertThat(seen.calls).containsExactly("placed o-1 on " + Thread.currentThread().getName());
			assertThat(context.getBean(QueueManager.class).counts("listening").waiting()).isZero();
		});
	}

	@Test
	void getterAnswersAtOnceAndTheOtherMethodsStayTasks() {
		this.runner.withPropertyValues("cleo.worker.enabled=false").withBean(Named.class).run((context) -> {
			Named named = context.getBean(Named.class);
			assertThat(named.getName()).isEqualTo("named");
			assertThat(named.isBusy()).isFalse();
			named.send("hello");
			assertThat(context.getBean(QueueManager.class).counts("named").waiting()).isEqualTo(1);
			assertThat(context.getBean(Seen.class).calls).isEmpty();
		});
	}

	@Test
	void springCallbacksOfTheBeanAreCalledDirectly() {
		this.runner.withBean(Aware.class).run((context) -> {
			assertThat(context).hasNotFailed();
			Aware aware = context.getBean(Aware.class);
			assertThat(aware.getContext()).isSameAs(context.getSourceApplicationContext());
			assertThat(aware.isRunning()).isTrue();
		});
	}

	@Test
	void callOfItsOwnMethodRunsInsideTheCallersTask() {
		this.runner.withBean(SelfCalling.class).run((context) -> {
			context.getBean(SelfCalling.class).outer("x");
			Seen seen = context.getBean(Seen.class);
			await().untilAsserted(() -> assertThat(seen.calls).hasSize(2));
			assertThat(seen.calls.get(0)).startsWith("inner x in task ");
			assertThat(seen.calls.get(1)).isEqualTo(seen.calls.get(0).replace("inner", "outer"));
			await().untilAsserted(() -> assertThat(context.getBean(QueueManager.class).counts("selfcalling").finished())
				.isEqualTo(1));
		});
	}

	record Placed(String id) {
	}

	static class Seen {

		final List<String> calls = new CopyOnWriteArrayList<>();

	}

	@QueueClass(queue = "listening")
	public static class Listening {

		private final Seen seen;

		public Listening(Seen seen) {
			this.seen = seen;
		}

		@EventListener
		public void on(Placed placed) {
			this.seen.calls.add("placed " + placed.id() + " on " + Thread.currentThread().getName());
		}

	}

	@QueueClass(queue = "named")
	public static class Named {

		private final Seen seen;

		public Named(Seen seen) {
			this.seen = seen;
		}

		public String getName() {
			return "named";
		}

		public boolean isBusy() {
			return false;
		}

		public void send(String text) {
			this.seen.calls.add("sent " + text);
		}

	}

	@QueueClass(queue = "aware")
	public static class Aware implements ApplicationContextAware, SmartLifecycle {

		private ApplicationContext context;

		private volatile boolean running;

		@Override
		public void setApplicationContext(ApplicationContext context) {
			this.context = context;
		}

		public ApplicationContext getContext() {
			return this.context;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		public void work(String item) {
		}

	}

	@QueueClass(queue = "selfcalling")
	public static class SelfCalling {

		private final Seen seen;

		public SelfCalling(Seen seen) {
			this.seen = seen;
		}

		public void outer(String name) {
			inner(name);
			this.seen.calls.add("outer " + name + " in task " + TaskContext.current().map(TaskContext::id).orElse("-"));
		}

		public void inner(String name) {
			this.seen.calls.add("inner " + name + " in task " + TaskContext.current().map(TaskContext::id).orElse("-"));
		}

	}

}
