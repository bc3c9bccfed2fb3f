/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskPriority;
import dev.cleo.queue.annotation.DefaultOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.RetryBackoff;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.CleoProperties;
import dev.cleo.queue.autoconfigure.CleoSettings;
import dev.cleo.queue.autoconfigure.QueueOverrides;
import dev.cleo.queue.autoconfigure.aop.TaskMethod.ReturnKind;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a task method's options are resolved from its annotations and the properties, and
 * how group and deduplication key are evaluated per call.
 */
class TaskMethodFactoryTests {

	private final TaskMethodFactory factory = new TaskMethodFactory(settings(), JsonMapper.builder().build());

	@Test
	void methodOverridesClassDefaultsWhichOverrideQueueProperties() {
		TaskMethod task = create("urgent");
		TaskOptions options = task.options();
		assertThat(task.id()).isEqualTo("Shipping.urgent");
		assertThat(options.queue()).isEqualTo("shipping");
		assertThat(options.priority()).isEqualTo(TaskPriority.HIGH.value());
		assertThat(options.maxAttempts()).isEqualTo(8);
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.ttl()).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.backoff())
			.isEqualTo(Backoff.exponential(Duration.ofMillis(500), Duration.ofMinutes(5), 0.2));
	}

	@Test
	void unsetAttributesInheritTheQueueProperties() {
		TaskOptions options = create("ship").options();
		assertThat(options.priority()).isEqualTo(7);
		assertThat(options.maxAttempts()).isEqualTo(4);
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void groupAndDedupeKeyAreEvaluatedOverTheArgumentsByName() {
		TaskMethod task = create("ship");
		TaskOptions options = new TaskCalls(() -> null).options(task,
				new Object[] { new Parcel("p-9", "c-42"), Map.of("k", 1) });
		assertThat(options.group()).isEqualTo("c-42");
		assertThat(options.dedupeId()).isEqualTo("p-9");
	}

	@Test
	void futureReturnAsksRedisToAnnounceTheEnd() {
		TaskMethod task = create("quote");
		assertThat(task.returnKind()).isEqualTo(ReturnKind.FUTURE);
		assertThat(task.resultType().getTypeName()).isEqualTo("java.util.List<java.lang.Integer>");
		assertThat(task.options().notifyOnFinish()).isTrue();
	}

	private TaskMethod create(String name) {
		return this.factory.create(ReflectionUtils.findMethod(Shipping.class, name, (Class<?>[]) null), Shipping.class);
	}

	private static CleoSettings settings() {
		CleoProperties properties = new CleoProperties();
		QueueOverrides shipping = new QueueOverrides();
		shipping.setPriority("7");
		shipping.setRetries(3);
		properties.getQueues().put("shipping", shipping);
		return new CleoSettings(properties, false);
	}

	record Parcel(String id, String customerId) {
	}

	@QueueClass(queue = "shipping", defaultOptions = @DefaultOptions(timeout = "30s", group = "#parcel.customerId"))
	static class Shipping {

		@Task(dedupeKey = "#parcel.id")
		public void ship(Parcel parcel, Map<String, Integer> extras) {
		}

		@Task(priority = TaskPriority.HIGH, retries = 7, ttl = "2m", backoff = @RetryBackoff(delay = "500ms"))
		public void urgent(Parcel parcel) {
		}

		@Task(group = "'quotes'")
		public java.util.concurrent.CompletableFuture<List<Integer>> quote(Parcel parcel) {
			return null;
		}

	}

}
