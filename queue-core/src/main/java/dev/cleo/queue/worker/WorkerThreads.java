/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinPool.ForkJoinWorkerThreadFactory;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleo.queue.Texts;

/**
 * Which threads run task handlers: virtual threads when the JVM has them (21+), otherwise
 * a fixed number of platform threads. Cleo is compiled for Java 17, so virtual threads
 * are reached by reflection.
 */
public enum WorkerThreads {

	/** Virtual threads when available, else platform threads. */
	AUTO,

	/** One virtual thread per task; fails at start on a JVM older than 21. */
	VIRTUAL,

	/** A fixed pool of platform threads, one per unit of concurrency. */
	PLATFORM;

	/**
	 * Whether this JVM has virtual threads.
	 * @return true on Java 21 and later
	 */
	public static boolean virtualThreadsAvailable() {
		return Runtime.version().feature() >= 21;
	}

	/**
	 * Whether this choice resolves to virtual threads here.
	 * @return true when handlers will run on virtual threads
	 */
	public boolean usesVirtualThreads() {
		return this == VIRTUAL || (this == AUTO && virtualThreadsAvailable());
	}

	ExecutorService newExecutor(String poolName, int concurrency) {
		if (usesVirtualThreads()) {
			return newVirtualThreadPerTaskExecutor(poolName);
		}
		return newPlatformThreadPool(poolName, concurrency);
	}

	/**
	 * A fork/join pool of {@code concurrency} platform threads. Its idle threads wait
	 * each on its own and the one woken is the last to go idle, while the waiters of a
	 * thread pool on a blocking queue queue up on one lock to be woken: with tasks
	 * arriving a few at a time (a pool that keeps up with its queue) that lock hand-over
	 * cost more than short tasks themselves. It never adds threads to make up for
	 * handlers that block, so the pool stays at {@code concurrency} threads.
	 */
	private static ExecutorService newPlatformThreadPool(String poolName, int concurrency) {
		AtomicInteger count = new AtomicInteger();
		// Captured here, where the pool is built, not inherited from whichever thread
		// happens to make the pool start a thread later.
		ClassLoader contextClassLoader = Thread.currentThread().getContextClassLoader();
		ForkJoinWorkerThreadFactory factory = (pool) -> {
			ForkJoinWorkerThread thread = new ForkJoinWorkerThread(pool) {
			};
			thread.setName("cleo-" + poolName + "-" + count.incrementAndGet());
			thread.setContextClassLoader(contextClassLoader);
			return thread;
		};
		return new ForkJoinPool(concurrency, factory, null, true, concurrency, concurrency, 0, (pool) -> true, 60,
				TimeUnit.SECONDS);
	}

	private static ExecutorService newVirtualThreadPerTaskExecutor(String poolName) {
		if (!virtualThreadsAvailable()) {
			throw new IllegalStateException(
					"Worker pool " + Texts.quote(poolName) + " asks for virtual threads, but this JVM is "
							+ Runtime.version() + ": use Java 21 or later, or threads PLATFORM");
		}
		try {
			Object builder = MethodHandles.publicLookup()
				.findStatic(Thread.class, "ofVirtual",
						MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")))
				.invoke();
			Class<?> builderType = Class.forName("java.lang.Thread$Builder");
			builder = MethodHandles.publicLookup()
				.findVirtual(builderType, "name", MethodType.methodType(builderType, String.class, long.class))
				.invoke(builder, "cleo-" + poolName + "-", 1L);
			ThreadFactory factory = (ThreadFactory) MethodHandles.publicLookup()
				.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class))
				.invoke(builder);
			return (ExecutorService) MethodHandles.publicLookup()
				.findStatic(java.util.concurrent.Executors.class, "newThreadPerTaskExecutor",
						MethodType.methodType(ExecutorService.class, ThreadFactory.class))
				.invoke(factory);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Could not create virtual threads for worker pool " + Texts.quote(poolName),
					ex);
		}
	}

}
