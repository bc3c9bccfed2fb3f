/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

/**
 * One measurement. It builds its own {@code QueueManager} and worker pool on a queue of
 * its own, closes them before it returns, and reports what it measured; the bench adds
 * Redis's memory use afterwards.
 */
interface Scenario {

	/**
	 * @return the name, which is also the queue it uses
	 */
	String name();

	/**
	 * Run the scenario on a Redis whose bench keys were just deleted.
	 * @param bench the options and the Redis to use
	 * @return the result line
	 * @throws InterruptedException when the bench is interrupted
	 */
	BenchResult run(BenchContext bench) throws InterruptedException;

	/**
	 * Whether the scenario runs the JIT warm-up ({@code --warmup-tasks}) itself, inside
	 * {@link #run}, instead of the bench running it once smaller beforehand.
	 * @return true when {@link #run} warms up by itself
	 */
	default boolean warmsUpInPlace() {
		return false;
	}

}
