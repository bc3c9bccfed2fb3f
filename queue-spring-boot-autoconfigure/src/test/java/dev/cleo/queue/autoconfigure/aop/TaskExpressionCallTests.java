/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A group expression that the start accepted but that a call's arguments cannot answer (a
 * null argument) fails that call, naming the method and the expression.
 */
@RedisTest
class TaskExpressionCallTests {

	@Test
	void aGroupThatACallCannotEvaluateFailsTheCallNamingTheMethod(RedisServer redis) {
		CleoRunners.cleo(redis, "cleo.worker.enabled=false").withBean(Orders.class).run((context) -> {
			Orders orders = context.getBean(Orders.class);
			assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(() -> orders.place(null))
				.withMessageStartingWith("Task method Orders.place(..) could not evaluate its group "
						+ "'#order.customerId' over this call's arguments");
			orders.place(new Order("o-1", "c-1"));
			assertThat(context.getBean(QueueManager.class).counts("orders").waiting()).isOne();
		});
	}

	@QueueClass(queue = "orders")
	public static class Orders {

		@Task(group = "#order.customerId")
		public void place(Order order) {
		}

	}

	public record Order(String id, String customerId) {
	}

}
