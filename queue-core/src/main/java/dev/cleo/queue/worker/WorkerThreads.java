/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which threads run task handlers: virtual threads when the JVM has them (21+), otherwise
 * a bounded pool of platform threads. Cleo is compiled for Java 17, so virtual threads
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
		AtomicInteger count = new AtomicInteger();
		ThreadFactory factory = (runnable) -> {
			Thread thread = new Thread(runnable, "cleo-" + poolName + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		return new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				factory);
	}

	private static ExecutorService newVirtualThreadPerTaskExecutor(String poolName) {
		if (!virtualThreadsAvailable()) {
			throw new IllegalStateException("Worker pool '" + poolName + "' asks for virtual threads, but this JVM is "
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
			throw new IllegalStateException("Could not create virtual threads for worker pool '" + poolName + "'", ex);
		}
	}

}
