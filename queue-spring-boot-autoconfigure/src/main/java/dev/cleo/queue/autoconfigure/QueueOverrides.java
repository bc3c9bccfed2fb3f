/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

/**
 * One queue's settings ({@code cleo.queues.<name>.*}): its tasks' options and its
 * workers' and groups' settings. Each unset value inherits from {@code cleo.defaults} or
 * {@code cleo.worker}.
 */
public class QueueOverrides extends TaskOverrides {

	/**
	 * How many of this queue's tasks run at once on this instance.
	 */
	private Integer concurrency;

	/**
	 * This queue's share when a pool serving several queues picks by weight (1 to 1000).
	 */
	private int weight = 1;

	/**
	 * How this queue's task groups are scheduled, written to Redis at start-up.
	 */
	private final GroupProperties groups = new GroupProperties();

	public Integer getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(Integer concurrency) {
		this.concurrency = concurrency;
	}

	public int getWeight() {
		return this.weight;
	}

	public void setWeight(int weight) {
		this.weight = weight;
	}

	public GroupProperties getGroups() {
		return this.groups;
	}

}
