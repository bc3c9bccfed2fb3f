/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static dev.cleo.queue.autoconfigure.web.ApiRunner.jobId;
import static dev.cleo.queue.autoconfigure.web.ApiRunner.postJson;
import static dev.cleo.queue.autoconfigure.web.ApiRunner.postRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @Task} methods through {@code POST /api/jobs}: internal unless listed in
 * {@code cleo.web.api.task-queues}, and then enqueued exactly as a call through the proxy
 * would enqueue them.
 */
class TaskMethodJobsTests extends AbstractQueueManagerTests {

	private WebApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		this.runner = ApiRunner.on(this.manager)
			.withBean(Ran.class)
			.withBean(Orders.class)
			.withBean("simulate-work", TaskHandler.class, () -> (task) -> null);
	}

	@Test
	void taskMethodIsInternalUnlessListedAndUnknownTypesAreNotNamed() {
		ApiRunner.run(this.runner, (mvc) -> {
			postJson(mvc, "/api/jobs", "{\"type\":\"place-order\",\"payload\":{\"id\":\"o1\",\"customerId\":\"c1\"}}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(allOf(containsString("Unknown job type 'place-order'"),
						not(containsString("password-reset")), not(containsString("simulate-work")))));
			postJson(mvc, "/api/jobs", "{\"type\":\"simulate-work\"}").andExpect(status().isCreated())
				.andExpect(jsonPath("$.queue").value("default"));
			assertThat(this.manager.queues()).doesNotContain("orders");
		});
	}

	@Test
	void authorisedCallerIsToldTheExposedTypesOnly() {
		ApiRunner.run(this.runner.withBean(WriteAccess.class, ApiRunner::authorised),
				(mvc) -> postJson(mvc, "/api/jobs", "{\"type\":\"nope\"}").andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail")
						.value(allOf(containsString("'simulate-work'"), not(containsString("place-order"))))));
	}

	@Test
	void listedTaskMethodGetsItsDeclaredQueueGroupDedupeAndOptionsAndRuns() {
		ApiRunner.run(this.runner.withPropertyValues("cleo.web.api.task-queues.place-order=orders"), (context, mvc) -> {
			String order = "{\"type\":\"place-order\",\"payload\":{\"id\":\"o1\",\"customerId\":\"c1\",\"amount\":5}}";
			String id = jobId(postJson(mvc, "/api/jobs", order).andExpect(status().isCreated())
				.andExpect(jsonPath("$.queue").value("orders")));
			TaskInfo job = this.manager.task("orders", id).orElseThrow();
			assertThat(job.group()).isEqualTo("c1");
			assertThat(job.maxAttempts()).isEqualTo(3);
			assertThat(job.payloadJson()).isEqualTo("[{\"id\":\"o1\",\"customerId\":\"c1\",\"amount\":5}]");
			postJson(mvc, "/api/jobs", order).andExpect(status().isOk())
				.andExpect(jsonPath("$.duplicate").value(true))
				.andExpect(jsonPath("$.jobId").value(id));

			this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").build());
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(context.getBean(Ran.class).calls).containsExactly(new Order("o1", "c1", 5)));
		});
	}

	@Test
	void callerCannotOverrideWhatTheDeclarationGives() {
		ApiRunner.run(this.runner.withPropertyValues("cleo.web.api.task-queues.place-order=orders"), (mvc) -> {
			String payload = "\"payload\":{\"id\":\"o2\",\"customerId\":\"c2\",\"amount\":1}";
			postRefused(mvc, "{\"type\":\"place-order\"," + payload + ",\"options\":{\"queue\":\"default\"}}",
					"runs on the queue its declaration gives it");
			postRefused(mvc, "{\"type\":\"place-order\"," + payload + ",\"options\":{\"group\":\"all\"}}",
					"group is set by the declaration");
			postRefused(mvc, "{\"type\":\"place-order\"," + payload + ",\"options\":{\"maxRetries\":9}}",
					"maxRetries may be at most 2");
			postRefused(mvc, "{\"type\":\"place-order\"," + payload + ",\"options\":{\"timeout\":0}}",
					"from 1 to 30000 ms");
			assertThat(this.manager.counts("orders").waiting()).isZero();
		});
	}

	@Test
	void payloadThatDoesNotFitTheParametersIsRefusedNamingTheTask() {
		ApiRunner.run(this.runner.withPropertyValues("cleo.web.api.task-queues.place-order=orders",
				"cleo.web.api.task-queues.password-reset=mail"), (mvc) -> {
					postJson(mvc, "/api/jobs",
							"{\"type\":\"place-order\",\"payload\":{\"id\":\"o3\",\"customerId\":7}}")
						.andExpect(status().isBadRequest())
						.andExpect(jsonPath("$.detail").value(allOf(containsString("task 'place-order'"),
								containsString("'payload.customerId' must be a string"),
								not(containsString("Order")))));
					postRefused(mvc, "{\"type\":\"place-order\",\"payload\":{\"id\":\"o3\",\"amount\":1,\"extra\":1}}",
							"Unknown property 'payload.extra'");
					postJson(mvc, "/api/jobs", "{\"type\":\"password-reset\",\"payload\":{\"user\":\"u\"}}")
						.andExpect(status().isBadRequest())
						.andExpect(jsonPath("$.detail")
							.value(containsString("it takes a JSON array of 2 arguments, one per parameter")));
					postRefused(mvc, "{\"type\":\"password-reset\",\"payload\":[\"u\",\"2\"]}",
							"'payload[1]' must be a whole number");
					postRefused(mvc,
							"{\"type\":\"place-order\",\"payload\":{\"id\":\"o4\",\"customerId\":\"a\\nb\",\"amount\":1}}",
							"group must be");
				});
	}

	@Test
	void methodOfSeveralParametersTakesAnArray() {
		ApiRunner.run(this.runner.withPropertyValues("cleo.web.api.task-queues.password-reset=mail"), (mvc) -> {
			String id = jobId(postJson(mvc, "/api/jobs", "{\"type\":\"password-reset\",\"payload\":[\"ada\",2]}")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.queue").value("mail")));
			assertThat(this.manager.task("mail", id).orElseThrow().payloadJson()).isEqualTo("[\"ada\",2]");
		});
	}

	/** What the task methods ran. */
	static class Ran {

		final List<Object> calls = new CopyOnWriteArrayList<>();

	}

	/** Task methods as an application declares them. */
	public static class Orders {

		private final Ran ran;

		public Orders(Ran ran) {
			this.ran = ran;
		}

		@Task(id = "place-order", queue = "orders", group = "#order.customerId", dedupeKey = "#order.id", retries = 2,
				timeout = "30s")
		public void place(Order order) {
			this.ran.calls.add(order);
		}

		@Task(id = "password-reset", queue = "mail")
		public void reset(String user, int attempt) {
			this.ran.calls.add(user + attempt);
		}

	}

	/** A task method's argument. */
	public record Order(String id, String customerId, int amount) {

	}

}
