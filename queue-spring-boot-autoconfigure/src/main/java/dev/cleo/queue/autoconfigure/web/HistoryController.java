/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Names;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.history.HistoryOutcome;
import dev.cleo.queue.history.HistoryPage;
import dev.cleo.queue.history.HistoryQuery;
import dev.cleo.queue.history.StatsQuery;
import dev.cleo.queue.history.StatsResolution;
import dev.cleo.queue.history.TaskHistoryService;

/**
 * {@code GET /api/history} (recent attempts, newest first, paged with a cursor),
 * {@code GET /api/history/stats} (totals, rates, percentiles and a series) and
 * {@code GET /api/history/errors} (failures grouped by cause), read through
 * {@link TaskHistoryService}. Reads, open as {@code GET /api/jobs/{id}} is (attempts may
 * carry results and error messages, so secure the API as a whole); each runs through
 * {@link RedisReads}, so none waits on Redis past {@code cleo.request-timeout}. A queue
 * must be one of the application's.
 */
@RestController
@RequestMapping("${cleo.web.api.base-path:/api}/history")
public class HistoryController {

	private static final Set<String> HISTORY = ApiParameters.names("queue", "task", "group", "worker", "outcome",
			"since", "until", "limit", "cursor");

	private static final Set<String> STATS = ApiParameters.names("queue", "task", "group", "worker", "since", "until",
			"resolution");

	private static final Set<String> ERRORS = ApiParameters.names("queue", "task", "since", "limit");

	private static final List<String> OUTCOMES = List.of("completed", "failed", "timed_out", "lease_expired",
			"cancelled", "retried", "dead");

	private static final List<String> RESOLUTIONS = List.of("minute", "hour", "day");

	private final TaskHistoryService history;

	private final ApiQueues queues;

	private final RedisReads reads;

	private final WriteAccess writes;

	HistoryController(TaskHistoryService history, ApiQueues queues, RedisReads reads, WriteAccess writes) {
		this.history = history;
		this.queues = queues;
		this.reads = reads;
		this.writes = writes;
	}

	/**
	 * Recent attempts, newest first: of a queue (and group), of a worker or instance, or
	 * of every queue.
	 * @param http the request, with its parameters
	 * @return {@code attempts} and {@code nextCursor} ({@code null} on the last page)
	 */
	@GetMapping
	public Map<String, Object> attempts(HttpServletRequest http) {
		ApiParameters parameters = ApiParameters.of(http, HISTORY, Set.of("outcome"));
		String queue = queue(parameters);
		String group = parameters.text("group", Names::checkGroup);
		String worker = parameters.worker("worker");
		if (group != null && queue == null) {
			throw ApiParameters.invalid("group", "needs the parameter 'queue': a group belongs to one queue");
		}
		HistoryQuery query = HistoryQuery.newest()
			.withTaskName(parameters.text("task", Names::checkTask))
			.withOutcomes(outcomes(parameters))
			.withRange(range(parameters, "since"), range(parameters, "until"))
			.withLimit(parameters.number("limit", 1, HistoryQuery.MAX_LIMIT, 50))
			.withCursor(parameters.cursor("cursor"));
		HistoryPage page = read("'cursor'", "history", () -> {
			if (queue != null) {
				return (group != null) ? this.history.getGroupHistory(queue, group, query.withWorker(worker))
						: this.history.getQueueHistory(queue, query.withWorker(worker));
			}
			return (worker != null) ? this.history.getWorkerHistory(worker, query)
					: this.history.getGlobalHistory(query);
		});
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("attempts", page.attempts().stream().map(AttemptView::of).toList());
		body.put("nextCursor", page.nextCursor());
		return body;
	}

	/**
	 * Statistics of a scope over a time range (an hour, a day or 30 days before
	 * {@code until} by default, by resolution).
	 * @param http the request, with its parameters
	 * @return the statistics
	 */
	@GetMapping("/stats")
	public StatsView stats(HttpServletRequest http) {
		ApiParameters parameters = ApiParameters.of(http, STATS, Set.of());
		String queue = queue(parameters);
		String group = parameters.text("group", Names::checkGroup);
		if (group != null && queue == null) {
			throw ApiParameters.invalid("group", "needs the parameter 'queue': a group belongs to one queue");
		}
		String resolution = parameters.choice("resolution", RESOLUTIONS, "minute");
		StatsQuery query = StatsQuery.lastHour()
			.withQueue(queue)
			.withGroup(group)
			.withTaskName(parameters.text("task", Names::checkTask))
			.withWorker(parameters.worker("worker"))
			.withResolution(StatsResolution.valueOf(resolution.toUpperCase(Locale.ROOT)))
			.withRange(range(parameters, "since"), range(parameters, "until"));
		return StatsView.of(read("The range of 'since', 'until' and 'resolution'", "history statistics",
				() -> this.history.getHistoryStats(query)));
	}

	/**
	 * Failed, timed-out and lease-expired attempts since a time (an hour ago by default),
	 * grouped by exception class and masked message, most frequent first.
	 * @param http the request, with its parameters
	 * @return {@code patterns}
	 */
	@GetMapping("/errors")
	public Map<String, Object> errors(HttpServletRequest http) {
		ApiParameters parameters = ApiParameters.of(http, ERRORS, Set.of());
		String queue = queue(parameters);
		String task = parameters.text("task", Names::checkTask);
		Instant since = parameters.time("since");
		int limit = parameters.number("limit", 1, 100, 10);
		List<ErrorPatternView> patterns = read("The request", "error patterns",
				() -> this.history.getErrorPatterns(queue, task, since, limit))
			.stream()
			.map(ErrorPatternView::of)
			.toList();
		return Map.of("patterns", patterns);
	}

	private @Nullable String queue(ApiParameters parameters) {
		String queue = parameters.single("queue");
		return (queue != null) ? this.queues.check(queue, this.writes.isCallerAuthorised()) : null;
	}

	/** The time parameter, once the range of both is known to be non-empty. */
	private static @Nullable Instant range(ApiParameters parameters, String name) {
		ApiParameters.checkRange(parameters.time("since"), parameters.time("until"));
		return parameters.time(name);
	}

	private static HistoryOutcome[] outcomes(ApiParameters parameters) {
		return parameters.choices("outcome", OUTCOMES)
			.stream()
			.map((word) -> HistoryOutcome.valueOf(word.toUpperCase(Locale.ROOT)))
			.toArray(HistoryOutcome[]::new);
	}

	/**
	 * Run a read within the deadline. What the core may still refuse once it reads (a
	 * cursor's form, a range of too many buckets) is the caller's: a 400 that names the
	 * parameter.
	 */
	private <T> T read(String culprit, String what, Supplier<T> read) {
		try {
			return this.reads.within(what, read);
		}
		catch (InvalidTaskOptionException ex) {
			throw ApiProblems.badRequest("Invalid parameter", culprit + ": " + ProblemText.bounded(ex.getMessage()));
		}
	}

}
