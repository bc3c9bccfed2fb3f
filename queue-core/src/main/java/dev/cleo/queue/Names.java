/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.regex.Pattern;

/**
 * The rules for the names callers give: queues, groups and tasks. A queue name becomes
 * part of every Redis key of the queue (its hash tag), so it is held to letters, digits,
 * '.', '_' and '-'; group and task names are stored as values and only kept free of
 * control characters (they go into log lines) and bounded. Each check fails with an
 * {@link InvalidTaskOptionException} that names the rule.
 */
public final class Names {

	private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final int MAX_LENGTH = 200;

	private Names() {
	}

	/**
	 * Check a queue name.
	 * @param queue the name
	 * @return the name
	 * @throws InvalidTaskOptionException when it is not 1 to 100 letters, digits, '.',
	 * '_' or '-'
	 */
	public static String checkQueue(String queue) {
		if (!isQueue(queue)) {
			throw new InvalidTaskOptionException(invalidQueue(queue));
		}
		return queue;
	}

	/**
	 * Whether a queue name is valid; for callers that recognise names rather than refuse
	 * them.
	 * @param queue the name, or {@code null}
	 * @return true when {@link #checkQueue(String)} would pass it
	 */
	public static boolean isQueue(String queue) {
		return queue != null && QUEUE.matcher(queue).matches();
	}

	/**
	 * What is wrong with an invalid queue name, for callers that must report it as
	 * another exception or with a prefix of their own.
	 * @param queue the name
	 * @return the message {@link #checkQueue(String)} fails with
	 */
	public static String invalidQueue(String queue) {
		return "Queue name " + Texts.quote(queue) + " is invalid: use 1 to 100 letters, digits, '.', '_' or '-'";
	}

	/**
	 * Check a group name.
	 * @param group the name
	 * @return the name
	 * @throws InvalidTaskOptionException when it is empty, longer than 200 characters or
	 * holds a control character
	 * @throws NullPointerException when it is {@code null}
	 */
	public static String checkGroup(String group) {
		if (group.isEmpty() || group.length() > MAX_LENGTH || hasControl(group)) {
			throw new InvalidTaskOptionException(
					"group must be 1 to 200 characters without control characters, was " + Texts.quote(group));
		}
		return group;
	}

	/**
	 * Check a task name.
	 * @param name the name
	 * @return the name
	 * @throws InvalidTaskOptionException when it is blank, longer than 200 characters or
	 * holds a control character (names go into log lines)
	 */
	public static String checkTask(String name) {
		if (name == null || name.isBlank() || name.length() > MAX_LENGTH || hasControl(name)) {
			throw new InvalidTaskOptionException(
					"task name must be 1 to 200 characters without control characters, was " + Texts.quote(name));
		}
		return name;
	}

	private static boolean hasControl(String name) {
		return name.chars().anyMatch(Character::isISOControl);
	}

}
