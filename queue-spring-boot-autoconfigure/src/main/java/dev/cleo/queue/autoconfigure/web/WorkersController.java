/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.WorkerInfo;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.history.StatsQuery;
import dev.cleo.queue.history.StatsTotals;
import dev.cleo.queue.history.TaskHistoryService;

/**
 * {@code GET /api/workers}: the worker pools serving the application's queues, on every
 * instance, as their presence in Redis shows them ({@link QueueManager#queueInfo}), each
 * with its last hour in those queues from {@link TaskHistoryService} (one statistics read
 * per pool and queue). A read, run through {@link RedisReads} as one: presence and
 * statistics together answer within {@code cleo.request-timeout}, or the call answers
 * 503.
 */
@RestController
@RequestMapping("${cleo.web.api.base-path:/api}/workers")
public class WorkersController {

	/** The most queues whose pools are looked for, as {@code /api/status} lists. */
	static final int MAX_QUEUES = OperationsController.MAX_STATUS_QUEUES;

	/** The most pools listed: each costs a statistics read. */
	static final int MAX_POOLS = 100;

	private final QueueManager manager;

	private final TaskHistoryService history;

	private final ApiQueues queues;

	private final RedisReads reads;

	WorkersController(QueueManager manager, TaskHistoryService history, ApiQueues queues, RedisReads reads) {
		this.manager = manager;
		this.history = history;
		this.queues = queues;
		this.reads = reads;
	}

	/**
	 * The pools, by instance and name (at most {@value #MAX_POOLS}).
	 * @param http the request, which takes no parameters
	 * @return {@code workers} and {@code truncated} (whether pools were left out)
	 */
	@GetMapping
	public Map<String, Object> workers(HttpServletRequest http) {
		ApiParameters.of(http, Set.of(), Set.of());
		List<String> names = this.queues.names().stream().limit(MAX_QUEUES).toList();
		return this.reads.within("the worker pools", () -> {
			Map<String, WorkerView.Presence> pools = new TreeMap<>();
			for (String queue : names) {
				for (WorkerInfo info : this.manager.queueInfo(queue).workers()) {
					pools.computeIfAbsent(info.instanceId() + "/" + info.pool(), (key) -> new WorkerView.Presence(info))
						.add(queue, info);
				}
			}
			List<WorkerView> workers = new ArrayList<>();
			for (WorkerView.Presence pool : pools.values().stream().limit(MAX_POOLS).toList()) {
				workers.add(pool.view(lastHour(pool)));
			}
			return Map.of("workers", workers, "truncated", pools.size() > MAX_POOLS);
		});
	}

	/**
	 * A pool's last hour, read in its own queues only: a read across every queue would
	 * fold and read each queue in Redis once per pool.
	 */
	private WorkerView.LastHour lastHour(WorkerView.Presence pool) {
		List<StatsTotals> perQueue = new ArrayList<>();
		for (String queue : pool.queues()) {
			StatsQuery query = StatsQuery.lastHour().withQueue(queue).withWorker(pool.worker());
			perQueue.add(this.history.getHistoryStats(query).totals());
		}
		return WorkerView.LastHour.of(perQueue);
	}

}
