/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.reports;

import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandler;

import org.springframework.stereotype.Component;

/**
 * The slow {@code generate-report} task, a named handler because it reports progress and
 * writes to the task's own log through {@link TaskContext} (a {@code @Task} method does
 * not see the context). It also stops early when its lease is lost, since the task will
 * run again elsewhere.
 */
@Component(GenerateReportHandler.NAME)
public class GenerateReportHandler implements TaskHandler {

	/** The task name. */
	public static final String NAME = "generate-report";

	private static final int ROWS_PER_STEP = 250;

	@Override
	public Object handle(TaskContext context) throws InterruptedException {
		ReportRequest request = context.payload(ReportRequest.class);
		context.log("Building '" + request.title() + "' in " + request.steps() + " steps");
		for (int step = 1; step <= request.steps(); step++) {
			if (context.isLeaseLost()) {
				context.log("Lease lost at step " + step + "; another worker takes over");
				return null;
			}
			Thread.sleep(request.millisPerStep());
			context.progress(step * 100 / request.steps());
		}
		context.log("Done: " + request.steps() * ROWS_PER_STEP + " rows");
		return new Report(request.title(), request.steps() * ROWS_PER_STEP, System.currentTimeMillis());
	}

}
