/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.spring.test.CleoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @CleoTest(inline = true)}: a call of a task method runs the real method at once
 * on the test's thread, with its arguments and result through the serializer, and nothing
 * is enqueued.
 */
@SpringBootTest
@CleoTest(inline = true)
class InlineModeTests {

	@Autowired
	private GreetingTasks tasks;

	@Autowired
	private TaskProbe probe;

	@Autowired
	private QueueManager manager;

	@BeforeEach
	void forgetEarlierRuns() {
		this.probe.clear();
	}

	@Test
	void callRunsTheMethodOnTheCallingThreadAndCompletesTheFuture() {
		CompletableFuture<String> result = this.tasks.greet(new Greeting("Ada", List.of("vip")));
		assertThat(result).isCompletedWithValue("Hello, Ada");
		assertThat(this.probe.threads()).containsExactly(Thread.currentThread());
		assertThat(this.manager.counts("default").finished()).isZero();
	}

	@Test
	void argumentsMakeTheRoundTripThroughTheSerializer() {
		Greeting greeting = new Greeting("Ada", List.of("vip"));
		this.tasks.greet(greeting);
		assertThat(this.probe.arguments()).singleElement().isEqualTo(greeting).isNotSameAs(greeting);
	}

	@Test
	void handleCarriesTheResult() {
		TaskHandle<Integer> handle = this.tasks.measure("four");
		assertThat(handle.isCompletedValue()).isTrue();
		assertThat(handle.result()).contains(4);
	}

	@Test
	void failureOfTheMethodFailsTheFutureWithWhatItThrew() {
		assertThat(this.tasks.refuse("no")).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("Refused: no");
		assertThat(this.probe.threads()).containsExactly(Thread.currentThread());
	}

}
