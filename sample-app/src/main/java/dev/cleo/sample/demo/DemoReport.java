/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.demo;

import java.io.PrintStream;
import java.util.List;

import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskInfo;

/**
 * Prints the demo's outcome: each task's final state as Redis holds it, then the
 * dead-letter queue with each task's last error. Payloads are never printed.
 */
final class DemoReport {

	private static final String ROW = "  %-36s  %-13s  %-9s  attempts %d/%d%s%n";

	private DemoReport() {
	}

	static void print(PrintStream out, List<TaskHandle<Object>> handles, List<TaskInfo> dead) {
		out.println("Final states:");
		for (TaskHandle<Object> handle : handles) {
			handle.info()
				.ifPresentOrElse((task) -> row(out, task, ""),
						() -> out.printf("  %-36s  (removed by retention)%n", handle.id()));
		}
		out.println("Dead-letter queue (" + dead.size() + "):");
		dead.forEach((task) -> row(out, task, "  last error: " + task.lastError()));
		out.flush();
	}

	private static void row(PrintStream out, TaskInfo task, String suffix) {
		out.printf(ROW, task.id(), task.name(), task.state().value(), task.attempts(), task.maxAttempts(), suffix);
	}

}
