/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.cleo.queue.Texts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueUnavailableException;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;

/**
 * {@code POST /api/jobs}, {@code GET /api/jobs/{id}} (with its log lines), {@code GET
 * /api/jobs/{id}/attempts} and {@code POST /api/jobs/{id}/cancel}. What a job may be is
 * decided by {@link JobRequests}: an exposed type, a queue the application knows, options
 * within its own. Enqueueing is governed by {@code cleo.web.api.enabled} and the exposed
 * types; cancelling is a write, which {@link WriteAccess} must allow.
 */
@RestController
@RequestMapping("${cleo.web.api.base-path:/api}/jobs")
public class JobsController {

	private final QueueManager manager;

	private final ApiBodies bodies;

	private final JobRequests requests;

	private final JobLookup lookup;

	private final RedisReads reads;

	private final WriteAccess writes;

	JobsController(QueueManager manager, ApiBodies bodies, JobRequests requests, JobLookup lookup, RedisReads reads,
			WriteAccess writes) {
		this.manager = manager;
		this.bodies = bodies;
		this.requests = requests;
		this.lookup = lookup;
		this.reads = reads;
		this.writes = writes;
	}

	/**
	 * Enqueue a job.
	 * @param http the request, whose body is a {@link JobRequest}
	 * @return 201 with the new job, or 200 with the earlier one when the deduplication id
	 * matched
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<JobCreated> create(HttpServletRequest http) {
		JobRequest request = this.bodies.read(http, JobRequest.class);
		TaskRequest task = this.requests.toTask(request, this.writes.isCallerAuthorised());
		long now = System.currentTimeMillis();
		TaskHandle<Object> handle = this.manager.enqueue(task);
		String queue = task.options().queue();
		if (handle.isDuplicate()) {
			return ResponseEntity.ok(duplicate(handle, queue));
		}
		String status = (task.options().runAtFrom(Instant.ofEpochMilli(now)).toEpochMilli() > now) ? "delayed"
				: "waiting";
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
		return this.lookup.find(id, queue, (job) -> JobView.of(job, this.manager.taskLogs(job.queue(), job.id())));
	}

	/**
	 * Read a job's attempts, oldest first, with their full errors; found as by
	 * {@link #get}.
	 * @param id the job id
	 * @param queue its queue, searched for as by {@link #get} when absent
	 * @return {@code jobId}, {@code queue} and {@code attempts}
	 */
	@GetMapping("/{id}/attempts")
	public Map<String, Object> attempts(@PathVariable String id,
			@RequestParam(required = false) @Nullable String queue) {
		return this.lookup.find(id, queue, (job) -> Map.of("jobId", job.id(), "queue", job.queue(), "attempts",
				this.manager.history().getTaskHistory(job.queue(), job.id()).stream().map(AttemptView::of).toList()));
	}

	/**
	 * Cancel a job that has not finished; a running one has its handler interrupted and
	 * is not retried.
	 * @param id the job id
	 * @param queue its queue, searched for as by {@link #get} when absent
	 * @return 200 with the outcome; 404 for an unknown job, 409 for a finished one
	 */
	@PostMapping("/{id}/cancel")
	public JobCancelled cancel(@PathVariable String id, @RequestParam(required = false) @Nullable String queue) {
		this.writes.check("cancel a job");
		TaskInfo job = this.lookup.find(id, queue);
		if (!job.state().isFinal() && this.manager.cancel(job.queue(), job.id())) {
			return new JobCancelled(job.id(), job.queue(), "cancelled", job.state().value());
		}
		TaskInfo now = this.lookup.find(id, job.queue());
		throw ApiProblems.conflict("Job not cancellable", "Job " + Texts.quote(id) + " is " + now.state().value()
				+ (now.state().isFinal() ? " already" : ", which cannot be cancelled"));
	}

	private JobCreated duplicate(TaskHandle<Object> handle, String queue) {
		Optional<TaskInfo> earlier;
		try {
			earlier = this.reads.within("job " + Texts.quote(handle.id()), handle::info);
		}
		catch (QueueUnavailableException ex) {
			// the job exists; only its state is unknown for now
			earlier = Optional.empty();
		}
		return new JobCreated(handle.id(), queue, earlier.map((job) -> job.state().value()).orElse(null),
				earlier.map((job) -> job.createdAt().toEpochMilli()).orElse(null), true);
	}

}
