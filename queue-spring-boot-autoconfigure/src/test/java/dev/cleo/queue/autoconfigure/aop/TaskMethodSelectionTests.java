/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which methods of a {@code @QueueClass} are tasks: its business methods, not its
 * framework callbacks, Spring contracts or getters; {@code @Task} always makes one.
 */
class TaskMethodSelectionTests {

	@Test
	void businessMethodsAreTasks() {
		assertThat(tasks(Mixed.class)).contains("send", "render", "getReport", "fetchStatus");
	}

	@Test
	void frameworkCallbacksAreNoTasks() {
		assertThat(tasks(Mixed.class)).doesNotContain("onEvent", "afterCommit", "tick", "clock", "init", "shutdown",
				"inject", "later", "onMyEvent");
	}

	@Test
	void gettersAreNoTasks() {
		assertThat(tasks(Mixed.class)).doesNotContain("getName", "isEnabled", "getCount");
	}

	@Test
	void methodsOfSpringInterfacesAndCloseAreNoTasks() {
		assertThat(tasks(Contracts.class)).containsExactly("send");
	}

	@Test
	void explicitTaskWinsOverACallbackAnnotation() {
		assertThat(tasks(Explicit.class)).containsExactly("onEvent");
	}

	private static String[] tasks(Class<?> type) {
		return Arrays.stream(type.getDeclaredMethods())
			.filter((method) -> !method.isSynthetic() && TaskMethodSelection.isTask(method, type))
			.map((method) -> method.getName())
			.distinct()
			.toArray(String[]::new);
	}

	record Placed(String id) {
	}

	static class Ready extends ApplicationEvent {

		Ready(Object source) {
			super(source);
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@EventListener
	@interface OnMyEvent {

	}

	@QueueClass
	static class Mixed {

		public void send(String to) {
		}

		public CompletableFuture<String> render(String id) {
			return null;
		}

		public TaskHandle<String> getReport(String id) {
			return null;
		}

		public CompletableFuture<String> fetchStatus() {
			return null;
		}

		@EventListener
		public void onEvent(Placed event) {
		}

		@TransactionalEventListener
		public void afterCommit(Placed event) {
		}

		@OnMyEvent
		public void onMyEvent(Placed event) {
		}

		@Scheduled(fixedRate = 1000)
		public void tick() {
		}

		@Bean
		public java.time.Clock clock() {
			return null;
		}

		@PostConstruct
		public void init() {
		}

		@PreDestroy
		public void shutdown() {
		}

		@Autowired
		public void inject(ApplicationContext context) {
		}

		@Async
		public void later(String what) {
		}

		public String getName() {
			return "mixed";
		}

		public boolean isEnabled() {
			return true;
		}

		public int getCount() {
			return 1;
		}

	}

	@QueueClass
	static class Contracts
			implements ApplicationContextAware, ApplicationListener<Ready>, SmartLifecycle, AutoCloseable {

		public void send(String to) {
		}

		@Override
		public void setApplicationContext(ApplicationContext context) {
		}

		@Override
		public void onApplicationEvent(Ready event) {
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return false;
		}

		@Override
		public void close() {
		}

	}

	static class Explicit {

		@Task
		@EventListener
		public void onEvent(Placed event) {
		}

		public void notATask(String x) {
		}

	}

}
