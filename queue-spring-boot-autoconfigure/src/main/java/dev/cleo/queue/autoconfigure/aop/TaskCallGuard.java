/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;

/**
 * Lets a worker's call of a task method through the proxy to the real method, once: the
 * first task call on the thread that matches takes the pass, so any task call the method
 * makes in turn is enqueued as usual.
 */
final class TaskCallGuard {

	private static final ThreadLocal<Method> PASS = new ThreadLocal<>();

	private TaskCallGuard() {
	}

	static void allow(Method method) {
		PASS.set(method);
	}

	/**
	 * Take the pass if it is for this method.
	 * @param method the called task method
	 * @return true when the call must run the real method
	 */
	static boolean take(Method method) {
		if (method.equals(PASS.get())) {
			PASS.remove();
			return true;
		}
		return false;
	}

	static void clear() {
		PASS.remove();
	}

}
