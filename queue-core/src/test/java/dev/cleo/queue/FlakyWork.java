/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.function.Consumer;

/**
 * The handler of {@link HistoryExactCountsTests}, the same in both JVMs: task {@code n}
 * (its payload) takes about a millisecond, and when {@code n} is a multiple of 10 its
 * first attempt throws. Each run is told to a recorder as it ends, before the handler
 * returns or throws: {@code <task id>#<attempt>#<outcome>}, the outcome {@code c} or
 * {@code f} as history codes them.
 */
final class FlakyWork {

	/** Task {@code n} fails its first attempt when {@code n % FAILING_EVERY == 0}. */
	static final int FAILING_EVERY = 10;

	private FlakyWork() {
	}

	static boolean failsFirst(int n) {
		return n % FAILING_EVERY == 0;
	}

	static TaskHandler handler(Consumer<String> recorder) {
		return (task) -> {
			int n = Integer.parseInt(task.payloadJson());
			// a task's run time, so that both workers hold tasks when one is killed
			Thread.sleep(1);
			boolean fails = failsFirst(n) && task.attempt() == 1;
			recorder.accept(task.id() + "#" + task.attempt() + "#" + (fails ? "f" : "c"));
			if (fails) {
				throw new IllegalStateException("Task " + n + " fails its first attempt");
			}
			return n;
		};
	}

}
