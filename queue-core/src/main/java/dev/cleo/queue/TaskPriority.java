/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * Named priorities. Any number from {@value #MIN} to {@value #MAX} is a priority too; a
 * higher number runs first, and equal priorities run in arrival order.
 */
public enum TaskPriority {

	/** Runs after everything else. */
	LOW(1),

	/** The default. */
	NORMAL(5),

	/** Runs before normal and low tasks. */
	HIGH(10);

	/** The lowest numeric priority. */
	public static final int MIN = 0;

	/** The highest numeric priority. */
	public static final int MAX = 1000;

	private final int value;

	TaskPriority(int value) {
		this.value = value;
	}

	/**
	 * The numeric priority.
	 * @return the value
	 */
	public int value() {
		return this.value;
	}

}
