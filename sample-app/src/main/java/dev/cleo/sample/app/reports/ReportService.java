/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.reports;

import java.util.List;
import java.util.Optional;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskSerializer;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.autoconfigure.CleoSettings;

import org.springframework.stereotype.Service;

/**
 * Shows the {@link QueueManager} used directly, next to the annotations: enqueues
 * {@code generate-report} tasks with the options {@code application.yml} gives the
 * {@code reports} queue, and reads a report's state, progress, log and result back.
 */
@Service
public class ReportService {

	/** The queue of the reports. */
	public static final String QUEUE = "reports";

	private final QueueManager queues;

	private final TaskOptions options;

	private final TaskSerializer serializer;

	/**
	 * Create the service.
	 * @param queues the queue manager
	 * @param settings Cleo's merged settings, for the queue's options
	 * @param serializer the serializer the manager was built with, to read results
	 */
	public ReportService(QueueManager queues, CleoSettings settings, TaskSerializer serializer) {
		this.queues = queues;
		this.options = settings.taskOptions(QUEUE);
		this.serializer = serializer;
	}

	/**
	 * Enqueue a report.
	 * @param request what to build
	 * @return the task's handle, whose result reads as a {@link Report}
	 */
	public TaskHandle<Report> request(ReportRequest request) {
		return this.queues.enqueue(GenerateReportHandler.NAME, request, this.options).withResultType(Report.class);
	}

	/**
	 * Read a report task.
	 * @param id the task id
	 * @return the task, or empty when unknown or removed by retention
	 */
	public Optional<TaskInfo> find(String id) {
		return this.queues.task(QUEUE, id);
	}

	/**
	 * The report a completed task produced.
	 * @param task the task
	 * @return the report, or {@code null} before the task completed
	 */
	public Report report(TaskInfo task) {
		boolean done = task.state() == TaskState.COMPLETED && task.resultJson() != null && !task.resultJson().isEmpty();
		return done ? this.serializer.read(task.resultJson(), Report.class) : null;
	}

	/**
	 * Read a report task's own log.
	 * @param id the task id
	 * @return the lines, oldest first
	 */
	public List<String> log(String id) {
		return this.queues.taskLogs(QUEUE, id);
	}

}
