/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cleo.queue.CleanupRequest;
import dev.cleo.queue.QueueInfo;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;

/**
 * QueueFlow's operational calls: {@code GET /api/status}, {@code GET /api/health},
 * {@code POST /api/dlq/reprocess} and {@code POST /api/cleanup}. Reads go through
 * {@link RedisReads}, so none waits on Redis past its deadline; the two writes need
 * {@link WriteAccess} and touch only the queues the application knows.
 */
@RestController
@RequestMapping("${cleo.web.api.base-path:/api}")
public class OperationsController {

	/** The most queues {@code /api/status} lists. */
	static final int MAX_STATUS_QUEUES = 100;

	private final QueueManager manager;

	private final ApiBodies bodies;

	private final ApiQueues queues;

	private final RedisReads reads;

	private final WriteAccess writes;

	private final CleoWebApiProperties properties;

	private final Duration healthTimeout;

	OperationsController(QueueManager manager, ApiBodies bodies, ApiQueues queues, RedisReads reads, WriteAccess writes,
			CleoWebApiProperties properties, Duration healthTimeout) {
		this.manager = manager;
		this.bodies = bodies;
		this.queues = queues;
		this.reads = reads;
		this.writes = writes;
		this.properties = properties;
		this.healthTimeout = healthTimeout;
	}

	/**
	 * The application's queues (at most {@value #MAX_STATUS_QUEUES}) with their counts
	 * and workers.
	 * @return the status
	 */
	@GetMapping("/status")
	public Map<String, Object> status() {
		List<String> names = this.queues.names().stream().limit(MAX_STATUS_QUEUES).toList();
		List<QueueInfo> infos = this.reads.within("the status of the application's queues",
				() -> names.stream().map(this.manager::queueInfo).toList());
		return Map.of("status", "operational", "timestamp", System.currentTimeMillis(), "queues", infos, "truncated",
				this.queues.names().size() > names.size());
	}

	/**
	 * Whether Redis answers within {@code cleo.health.timeout}.
	 * @return 200 {@code {"status":"UP"}}, or 503 {@code {"status":"DOWN"}} with what did
	 * not answer
	 */
	@GetMapping("/health")
	public ResponseEntity<Map<String, Object>> health() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("timestamp", System.currentTimeMillis());
		try {
			this.reads.within(this.healthTimeout, "the health of Redis",
					() -> this.manager.counts(this.properties.getDefaultQueue()));
			body.put("status", "UP");
			return ResponseEntity.ok(body);
		}
		catch (RuntimeException ex) {
			// whatever failed, the answer names no exception: health checks are public
			body.put("status", "DOWN");
			body.put("error", "Redis did not answer within " + this.healthTimeout.toMillis() + " ms");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
		}
	}

	/**
	 * Retry dead jobs: the given ids, or the oldest {@code maxJobs}.
	 * @param http the request, whose body is a {@link MaintenanceRequests.Reprocess}
	 * @return the ids retried
	 */
	@PostMapping(path = "/dlq/reprocess", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Map<String, Object> reprocess(HttpServletRequest http) {
		this.writes.check("retry dead letters");
		MaintenanceRequests.Reprocess request = this.bodies.read(http, MaintenanceRequests.Reprocess.class);
		String queue = this.queues.check(
				(request.queue() != null) ? request.queue() : this.properties.getDefaultQueue(),
				this.writes.isCallerAuthorised());
		List<String> ids = this.manager.deadLetters(queue)
			.reprocess(request.ids(), request.maxTasks(this.properties.getDefaultMaxJobs()));
		return Map.of("queue", queue, "reprocessed", ids, "count", ids.size());
	}

	/**
	 * Remove finished jobs ahead of retention, in one of the application's queues or in
	 * all of them.
	 * @param http the request, whose body is a {@link MaintenanceRequests.Cleanup}
	 * @return how many were removed, in total and per queue
	 */
	@PostMapping(path = "/cleanup", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Map<String, Object> cleanup(HttpServletRequest http) {
		this.writes.check("remove finished jobs");
		MaintenanceRequests.Cleanup request = this.bodies.read(http, MaintenanceRequests.Cleanup.class);
		CleanupRequest cleanup = request.toCleanupRequest();
		List<String> names = (request.queue() != null)
				? List.of(this.queues.check(request.queue(), this.writes.isCallerAuthorised()))
				: List.copyOf(this.queues.names());
		Map<String, Long> removed = new LinkedHashMap<>();
		names.forEach((queue) -> removed.put(queue, this.manager.cleanup(queue, cleanup)));
		return Map.of("removed", removed.values().stream().mapToLong(Long::longValue).sum(), "queues", removed);
	}

}
