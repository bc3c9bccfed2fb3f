/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test.app;

import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.annotation.QueueClass;

import org.springframework.stereotype.Service;

/**
 * Tasks on the {@code default} queue, each reporting to {@link TaskProbe}.
 */
@Service
@QueueClass
public class GreetingTasks {

	private final TaskProbe probe;

	GreetingTasks(TaskProbe probe) {
		this.probe = probe;
	}

	public CompletableFuture<String> greet(Greeting greeting) {
		this.probe.ran(Thread.currentThread(), greeting);
		return CompletableFuture.completedFuture("Hello, " + greeting.name());
	}

	public TaskHandle<Integer> measure(String text) {
		this.probe.ran(Thread.currentThread(), text);
		return TaskHandle.completed(text.length());
	}

	public CompletableFuture<String> refuse(String reason) {
		this.probe.ran(Thread.currentThread(), reason);
		throw new IllegalArgumentException("Refused: " + reason);
	}

	public void hold() throws InterruptedException {
		this.probe.ran(Thread.currentThread(), "hold");
		this.probe.awaitRelease();
	}

}
