/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * What the tasks of {@link GreetingTasks} did, for the tests to look at, and a latch that
 * holds {@link GreetingTasks#hold()} until a test releases it.
 */
@Component
public class TaskProbe {

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private final List<Object> arguments = new CopyOnWriteArrayList<>();

	private volatile CountDownLatch release = new CountDownLatch(1);

	void ran(Thread thread, Object argument) {
		this.threads.add(thread);
		this.arguments.add(argument);
	}

	void awaitRelease() throws InterruptedException {
		this.release.await(30, TimeUnit.SECONDS);
	}

	/**
	 * @return the threads that ran a task, in order
	 */
	public List<Thread> threads() {
		return this.threads;
	}

	/**
	 * @return the arguments the tasks received, in order
	 */
	public List<Object> arguments() {
		return this.arguments;
	}

	/**
	 * Forget the runs recorded so far.
	 */
	public void clear() {
		this.threads.clear();
		this.arguments.clear();
	}

	/**
	 * Let the held task end, and hold the next one.
	 */
	public void release() {
		CountDownLatch held = this.release;
		this.release = new CountDownLatch(1);
		held.countDown();
	}

}
