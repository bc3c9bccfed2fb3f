/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskOptions;

/**
 * {@code POST /api/jobs} and {@code GET /api/jobs/{id}}. Only registered task names can
 * be enqueued: a job's {@code type} is checked against
 * {@link QueueManager#registeredTasks()}.
 */
@RestController
@RequestMapping("${cleo.web.api.base-path:/api}/jobs")
public class JobsController {

	private final QueueManager manager;

	private final CleoWebApiProperties properties;

	private final Function<String, TaskOptions> queueDefaults;

	/**
	 * Create the controller; jobs start from the core's default options.
	 * @param manager the queue manager
	 * @param properties the API settings
	 */
	public JobsController(QueueManager manager, CleoWebApiProperties properties) {
		this(manager, properties, (queue) -> TaskOptions.defaults().queue(queue));
	}

	/**
	 * Create the controller.
	 * @param manager the queue manager
	 * @param properties the API settings
	 * @param queueDefaults the options a job of a queue starts from (the application's
	 * {@code cleo.defaults} and {@code cleo.queues.<name>} settings), before the
	 * request's own options apply
	 */
	public JobsController(QueueManager manager, CleoWebApiProperties properties,
			Function<String, TaskOptions> queueDefaults) {
		this.manager = manager;
		this.properties = properties;
		this.queueDefaults = queueDefaults;
	}

	/**
	 * Enqueue a job.
	 * @param request the job
	 * @return 201 with the new job, or 200 with the earlier one when the deduplication id
	 * matched
	 */
	@PostMapping
	public ResponseEntity<JobCreated> create(@RequestBody JobRequest request) {
		String type = checkType(request.type());
		JobOptions options = request.options();
		String queue = (options != null && options.queue() != null) ? options.queue()
				: this.properties.getTaskQueues().getOrDefault(type, this.properties.getDefaultQueue());
		TaskOptions taskOptions = this.queueDefaults.apply(queue);
		taskOptions = (options != null) ? options.applyTo(taskOptions) : taskOptions;
		long now = System.currentTimeMillis();
		TaskHandle<Object> handle = this.manager.enqueue(type, request.payload(), taskOptions);
		if (handle.isDuplicate()) {
			TaskInfo earlier = handle.info().orElseThrow();
			return ResponseEntity.ok(new JobCreated(handle.id(), queue, earlier.state().value(),
					earlier.createdAt().toEpochMilli(), true));
		}
		String status = (taskOptions.runAtFrom(Instant.ofEpochMilli(now)).toEpochMilli() > now) ? "delayed" : "waiting";
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.queryParam("queue", queue)
			.buildAndExpand(handle.id())
			.toUri();
		return ResponseEntity.created(location).body(new JobCreated(handle.id(), queue, status, now, false));
	}

	/**
	 * Read a job.
	 * @param id the job id
	 * @param queue its queue; without it the default queue and the queues of
	 * {@code cleo.web.api.task-queues} are searched
	 * @return the job
	 */
	@GetMapping("/{id}")
	public JobView get(@PathVariable String id, @RequestParam(required = false) @Nullable String queue) {
		Set<String> queues = new LinkedHashSet<>();
		if (queue != null) {
			queues.add(queue);
		}
		else {
			queues.add(this.properties.getDefaultQueue());
			queues.addAll(this.properties.getTaskQueues().values());
		}
		return queues.stream()
			.map((name) -> this.manager.task(name, id))
			.flatMap(Optional::stream)
			.findFirst()
			.map(JobView::of)
			.orElseThrow(() -> new ApiProblems.JobNotFoundException(
					"No job '" + id + "' in queue(s) " + queues + " (it may never have existed or been removed)"));
	}

	private String checkType(@Nullable String type) {
		if (type == null || type.isBlank()) {
			throw new ApiProblems.UnknownJobTypeException(
					"'type' is required: the name of a registered task, one of " + this.manager.registeredTasks());
		}
		if (!this.manager.registeredTasks().contains(type)) {
			throw new ApiProblems.UnknownJobTypeException(
					"Unknown job type '" + type + "'; registered types are " + this.manager.registeredTasks());
		}
		return type;
	}

}
