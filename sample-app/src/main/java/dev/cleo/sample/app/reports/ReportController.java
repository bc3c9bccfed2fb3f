/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.reports;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskInfo;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /reports} enqueues a slow report and answers 202 at once; {@code GET
 * /reports/{id}} shows its state, progress, log and, once completed, the report.
 */
@RestController
@RequestMapping("/reports")
public class ReportController {

	private final ReportService reports;

	/**
	 * Create the controller.
	 * @param reports the report service
	 */
	public ReportController(ReportService reports) {
		this.reports = reports;
	}

	/**
	 * Enqueue a report.
	 * @param request what to build
	 * @return 202 with the task id and where to follow it
	 */
	@PostMapping
	public ResponseEntity<Map<String, Object>> request(@RequestBody ReportRequest request) {
		TaskHandle<Report> handle = this.reports.request(request);
		URI location = URI.create("/reports/" + handle.id());
		return ResponseEntity.accepted().location(location).body(Map.of("taskId", handle.id(), "status", location));
	}

	/**
	 * Read a report task.
	 * @param id the task id
	 * @return 200 with its state, progress, log and result; 404 when unknown
	 */
	@GetMapping("/{id}")
	public ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
		return this.reports.find(id)
			.map((task) -> ResponseEntity.ok(describe(task)))
			.orElse(ResponseEntity.notFound().build());
	}

	private Map<String, Object> describe(TaskInfo task) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("taskId", task.id());
		body.put("status", task.state().value());
		body.put("progress", task.progress());
		body.put("attempts", task.attempts());
		body.put("log", this.reports.log(task.id()));
		body.put("error", task.lastError());
		body.put("report", this.reports.report(task));
		return body;
	}

}
