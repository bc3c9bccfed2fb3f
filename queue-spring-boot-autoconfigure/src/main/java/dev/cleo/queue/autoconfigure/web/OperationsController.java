/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cleo.queue.CleanupRequest;
import dev.cleo.queue.QueueInfo;
import dev.cleo.queue.QueueManager;

/**
 * QueueFlow's operational calls: {@code GET /api/status}, {@code GET /api/health},
 * {@code POST /api/dlq/reprocess} and {@code POST /api/cleanup}.
 */
@RestController
@RequestMapping("${cleo.web.api.base-path:/api}")
public class OperationsController {

	private final QueueManager manager;

	private final CleoWebApiProperties properties;

	/**
	 * Create the controller.
	 * @param manager the queue manager
	 * @param properties the API settings
	 */
	public OperationsController(QueueManager manager, CleoWebApiProperties properties) {
		this.manager = manager;
		this.properties = properties;
	}

	/**
	 * Every queue with its counts and workers.
	 * @return the status
	 */
	@GetMapping("/status")
	public Map<String, Object> status() {
		List<QueueInfo> queues = this.manager.queues().stream().map(this.manager::queueInfo).toList();
		return Map.of("status", "operational", "timestamp", System.currentTimeMillis(), "queues", queues);
	}

	/**
	 * Whether Redis answers.
	 * @return 200 {@code {"status":"UP"}}, or 503 {@code {"status":"DOWN"}} with the
	 * error
	 */
	@GetMapping("/health")
	public ResponseEntity<Map<String, Object>> health() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("timestamp", System.currentTimeMillis());
		try {
			this.manager.counts(this.properties.getDefaultQueue());
			body.put("status", "UP");
			return ResponseEntity.ok(body);
		}
		catch (RuntimeException ex) {
			body.put("status", "DOWN");
			body.put("error", ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
		}
	}

	/**
	 * Retry dead jobs: the given ids, or the oldest {@code maxJobs}.
	 * @param request the ids, the limit and the queue
	 * @return the ids retried
	 */
	@PostMapping("/dlq/reprocess")
	public Map<String, Object> reprocess(@RequestBody ReprocessRequest request) {
		String queue = (request.queue() != null) ? request.queue() : this.properties.getDefaultQueue();
		int maxJobs = (request.maxJobs() != null) ? request.maxJobs() : this.properties.getDefaultMaxJobs();
		List<String> ids = this.manager.deadLetters(queue)
			.reprocess((request.jobIds() != null) ? request.jobIds() : List.of(), maxJobs);
		return Map.of("queue", queue, "reprocessed", ids, "count", ids.size());
	}

	/**
	 * Remove finished jobs ahead of retention, in one queue or in all.
	 * @param request what to remove
	 * @return how many were removed, in total and per queue
	 */
	@PostMapping("/cleanup")
	public Map<String, Object> cleanup(@RequestBody CleanupBody request) {
		CleanupRequest cleanup = request.toCleanupRequest();
		List<String> queues = (request.queue() != null) ? List.of(request.queue()) : this.manager.queues();
		Map<String, Long> removed = new LinkedHashMap<>();
		queues.forEach((queue) -> removed.put(queue, this.manager.cleanup(queue, cleanup)));
		return Map.of("removed", removed.values().stream().mapToLong(Long::longValue).sum(), "queues", removed);
	}

	/**
	 * The body of {@code POST /api/dlq/reprocess}.
	 *
	 * @param jobIds the dead jobs to retry; none means the oldest {@code maxJobs}
	 * @param maxJobs how many at most when no ids are given
	 * @param queue the queue, else {@code cleo.web.api.default-queue}
	 */
	public record ReprocessRequest(@Nullable List<String> jobIds, @Nullable Integer maxJobs, @Nullable String queue) {

	}

	/**
	 * The body of {@code POST /api/cleanup}.
	 *
	 * @param removeCompleted remove completed (and cancelled) jobs; absent means false
	 * @param removeExpired remove expired jobs; absent means false
	 * @param olderThan only jobs finished at least this many milliseconds ago; 0 or
	 * absent for all
	 * @param queue one queue, or absent for every queue
	 */
	public record CleanupBody(@Nullable Boolean removeCompleted, @Nullable Boolean removeExpired,
			@Nullable Long olderThan, @Nullable String queue) {

		CleanupRequest toCleanupRequest() {
			return new CleanupRequest(Boolean.TRUE.equals(this.removeCompleted),
					Boolean.TRUE.equals(this.removeExpired),
					Duration.ofMillis((this.olderThan != null) ? this.olderThan : 0));
		}

	}

}
