/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Names;
import dev.cleo.queue.redis.HistoryStore;
import dev.cleo.queue.redis.HistoryStore.StoredAttempts;
import dev.cleo.queue.redis.HistoryStore.StreamEntry;
import dev.cleo.queue.redis.RedisCalls;

/**
 * Reads what Cleo recorded of its tasks' lives, on every instance: a task's attempts,
 * recent attempts of a queue, a group, a worker or the whole system (newest first,
 * filtered, paged with a cursor), statistics over a time range with a time series, and
 * error patterns. A manager's {@code history()}; a bean in Spring.
 * <p>
 * Where each answer comes from: a task's attempts from its own hash (kept as long as the
 * task); recent attempts, group statistics and error patterns from the queues' event
 * streams (as far back as they reach: {@link HistoryOptions#streamMaxEvents()} and
 * {@link HistoryOptions#streamMaxAge()}); the other statistics from the rollups, which
 * the scripts that end attempts count in the same call, so they count every attempt ended
 * before the read, exactly once. Every read is bounded: a page at most
 * {@value HistoryQuery#MAX_LIMIT} attempts over at most {@value #MAX_LINES} stream lines,
 * a series at most {@value StatsQuery#MAX_BUCKETS} buckets.
 */
public final class TaskHistoryService {

	/** The most stream lines one read looks at. */
	public static final int MAX_LINES = 200_000;

	/** The most queues one read covers. */
	public static final int MAX_QUEUES = 1_000;

	private static final StreamScan.Position START = new StreamScan.Position("+", -1);

	private final HistoryStore store;

	private final Supplier<List<String>> queues;

	private final HistoryOptions options;

	private final Clock clock;

	private final Duration timeout;

	private final StreamScan scan;

	/**
	 * Create the service.
	 * @param store where history is read
	 * @param queues the queues Redis knows, for reads across queues
	 * @param options what is recorded and kept
	 * @param clock the clock of "now"
	 * @param timeout how long one Redis call may take
	 */
	public TaskHistoryService(HistoryStore store, Supplier<List<String>> queues, HistoryOptions options, Clock clock,
			Duration timeout) {
		this.store = store;
		this.queues = queues;
		this.options = options;
		this.clock = clock;
		this.timeout = timeout;
		this.scan = new StreamScan(store, timeout);
	}

	/**
	 * Whether history is recorded.
	 * @return the switch
	 */
	public boolean isEnabled() {
		return this.options.enabled();
	}

	/**
	 * A task's attempts, oldest first.
	 * @param queue the task's queue
	 * @param taskId the task's id
	 * @return its attempts; empty when there is no such task (or history was off)
	 */
	public List<TaskAttempt> getTaskHistory(String queue, String taskId) {
		checkQueue(queue);
		Objects.requireNonNull(taskId, "taskId must not be null");
		return attemptsOf(queue, taskId, await(this.store.attempts(queue, taskId), "read a task's attempts"));
	}

	/**
	 * A task's attempts, oldest first, looked for in every queue.
	 * @param taskId the task's id
	 * @return its attempts; empty when no queue has such a task
	 */
	public List<TaskAttempt> getTaskHistory(String taskId) {
		Objects.requireNonNull(taskId, "taskId must not be null");
		Map<String, CompletableFuture<StoredAttempts>> reads = new LinkedHashMap<>();
		for (String queue : allQueues()) {
			reads.put(queue, this.store.attempts(queue, taskId));
		}
		for (Map.Entry<String, CompletableFuture<StoredAttempts>> read : reads.entrySet()) {
			StoredAttempts stored = await(read.getValue(), "read a task's attempts");
			if (stored != null) {
				return attemptsOf(read.getKey(), taskId, stored);
			}
		}
		return List.of();
	}

	/**
	 * Recent attempts of a queue, newest first.
	 * @param queue the queue
	 * @param query filters, range, page
	 * @return the page
	 */
	public HistoryPage getQueueHistory(String queue, HistoryQuery query) {
		checkQueue(queue);
		return page(List.of(queue), query);
	}

	/**
	 * Recent attempts of one group of a queue, newest first.
	 * @param queue the queue
	 * @param group the group
	 * @param query further filters, range, page
	 * @return the page
	 */
	public HistoryPage getGroupHistory(String queue, String group, HistoryQuery query) {
		checkQueue(queue);
		Objects.requireNonNull(group, "group must not be null");
		return page(List.of(queue), query.withGroup(group));
	}

	/**
	 * Recent attempts of a worker in every queue, newest first.
	 * @param worker the worker ({@code <instance id>/<pool name>}) or an instance id
	 * @param query further filters, range, page
	 * @return the page
	 */
	public HistoryPage getWorkerHistory(String worker, HistoryQuery query) {
		Objects.requireNonNull(worker, "worker must not be null");
		return page(allQueues(), query.withWorker(worker));
	}

	/**
	 * Recent attempts in every queue, newest first.
	 * @param query filters, range, page
	 * @return the page
	 */
	public HistoryPage getGlobalHistory(HistoryQuery query) {
		return page(allQueues(), query);
	}

	/**
	 * Statistics of a scope over a time range, with a time series.
	 * @param query scope, range and resolution
	 * @return the statistics
	 * @throws InvalidTaskOptionException when the range has more than
	 * {@value StatsQuery#MAX_BUCKETS} buckets, or a group is asked for without its queue
	 */
	public HistoryStats getHistoryStats(StatsQuery query) {
		Objects.requireNonNull(query, "query must not be null");
		if (query.queue() != null) {
			checkQueue(query.queue());
		}
		if (query.group() != null && query.queue() == null) {
			throw new InvalidTaskOptionException("a group's statistics need its queue");
		}
		StatsResolution resolution = query.resolution();
		long width = resolution.width().toMillis();
		long until = (query.until() != null) ? query.until().toEpochMilli() : this.clock.millis();
		long since = (query.since() != null) ? query.since().toEpochMilli() : until - query.defaultRange().toMillis();
		long first = since - Math.floorMod(since, width);
		long end = (until % width == 0) ? until : until - Math.floorMod(until, width) + width;
		long count = (end - first) / width;
		if (count > StatsQuery.MAX_BUCKETS) {
			throw new InvalidTaskOptionException("the range holds " + count + " buckets of " + resolution.width()
					+ ", at most " + StatsQuery.MAX_BUCKETS + " are allowed: shorten it or use a coarser resolution");
		}
		List<Long> starts = new ArrayList<>((int) count);
		for (long start = first; start < end; start += width) {
			starts.add(start);
		}
		List<String> scope = (query.queue() != null) ? List.of(query.queue()) : allQueues();
		boolean fromStream = query.group() != null || (query.taskName() != null && query.worker() != null);
		return fromStream ? statsFromStream(query, scope, starts, width)
				: statsFromRollups(query, scope, starts, width);
	}

	/**
	 * Failures grouped by exception class and normalised message, most frequent first.
	 * @param queue the queue, or {@code null} for every queue
	 * @param taskName the task name, or {@code null} for any
	 * @param since the earliest failure, or {@code null} for an hour ago
	 * @param limit the most patterns, from 1 to 100
	 * @return the patterns
	 */
	public List<ErrorPattern> getErrorPatterns(String queue, String taskName, Instant since, int limit) {
		if (limit < 1 || limit > 100) {
			throw new InvalidTaskOptionException("limit must be between 1 and 100, was " + limit);
		}
		if (queue != null) {
			checkQueue(queue);
		}
		long from = (since != null) ? since.toEpochMilli() : this.clock.millis() - Duration.ofHours(1).toMillis();
		Predicate<TaskAttempt> filter = (attempt) -> attempt.outcome().isFailure()
				&& (taskName == null || taskName.equals(attempt.taskName()));
		Map<String, PatternCount> patterns = new LinkedHashMap<>();
		List<String> scope = (queue != null) ? List.of(queue) : allQueues();
		int perQueue = Math.max(1_000, MAX_LINES / Math.max(1, scope.size()));
		for (String each : scope) {
			StreamScan.Result result = this.scan.scan(each, null, from, Long.MAX_VALUE, Integer.MAX_VALUE, filter,
					perQueue);
			for (StreamScan.Found found : result.found()) {
				TaskAttempt attempt = found.attempt();
				AttemptError error = attempt.error();
				String type = (error != null) ? error.type() : null;
				String message = ErrorMessages.normalise((error != null) ? error.message() : "");
				patterns.computeIfAbsent(type + "\u001f" + message, (key) -> new PatternCount(type, message))
					.add(attempt);
			}
		}
		return patterns.values()
			.stream()
			.map(PatternCount::pattern)
			.sorted(Comparator.comparingLong(ErrorPattern::count)
				.reversed()
				.thenComparing(ErrorPattern::lastSeen, Comparator.reverseOrder()))
			.limit(limit)
			.toList();
	}

	private HistoryStats statsFromRollups(StatsQuery query, List<String> scope, List<Long> starts, long width) {
		String dimension = "q";
		String name = "";
		boolean prefix = false;
		if (query.taskName() != null) {
			dimension = "t";
			name = query.taskName();
		}
		else if (query.worker() != null) {
			dimension = "w";
			prefix = query.worker().indexOf('/') < 0;
			name = prefix ? query.worker() + "/" : query.worker();
		}
		StatsAccumulator total = new StatsAccumulator();
		List<StatsAccumulator> buckets = accumulators(starts.size());
		for (String queue : scope) {
			for (int from = 0; from < starts.size(); from += 100) {
				List<Long> part = starts.subList(from, Math.min(starts.size(), from + 100));
				List<Map<String, String>> read = await(this.store.rollups(queue, query.resolution().tier(), part),
						"read history statistics");
				for (int i = 0; i < read.size(); i++) {
					buckets.get(from + i).addBucket(read.get(i), dimension, name, prefix);
					total.addBucket(read.get(i), dimension, name, prefix);
				}
			}
		}
		Instant covered = Instant.ofEpochMilli(this.clock.millis()).minus(query.resolution().retention(this.options));
		return stats(query, starts, width, total, buckets, covered);
	}

	private HistoryStats statsFromStream(StatsQuery query, List<String> scope, List<Long> starts, long width) {
		long since = starts.get(0);
		long until = starts.get(starts.size() - 1) + width;
		Predicate<TaskAttempt> filter = (attempt) -> (query.group() == null || query.group().equals(attempt.group()))
				&& (query.taskName() == null || query.taskName().equals(attempt.taskName())) && (query.worker() == null
						|| query.worker().equals(attempt.worker()) || query.worker().equals(attempt.instance()));
		StatsAccumulator total = new StatsAccumulator();
		List<StatsAccumulator> buckets = accumulators(starts.size());
		long covered = since;
		for (String queue : scope) {
			StreamEntry oldest = await(this.store.firstEvent(queue), "read history");
			if (oldest != null) {
				covered = Math.max(covered, oldest.millis());
			}
			StreamScan.Result result = this.scan.scan(queue, null, since, until, Integer.MAX_VALUE, filter, MAX_LINES);
			for (StreamScan.Found found : result.found()) {
				TaskAttempt attempt = found.attempt();
				int index = (int) ((attempt.endedAt().toEpochMilli() - since) / width);
				total.addAttempt(attempt);
				buckets.get(index).addAttempt(attempt);
			}
		}
		return stats(query, starts, width, total, buckets, Instant.ofEpochMilli(covered));
	}

	private static List<StatsAccumulator> accumulators(int count) {
		List<StatsAccumulator> accumulators = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			accumulators.add(new StatsAccumulator());
		}
		return accumulators;
	}

	private static HistoryStats stats(StatsQuery query, List<Long> starts, long width, StatsAccumulator total,
			List<StatsAccumulator> buckets, Instant covered) {
		Duration bucket = Duration.ofMillis(width);
		List<StatsBucket> series = new ArrayList<>(starts.size());
		for (int i = 0; i < starts.size(); i++) {
			series.add(new StatsBucket(Instant.ofEpochMilli(starts.get(i)), buckets.get(i).totals(bucket)));
		}
		long since = starts.get(0);
		long until = starts.get(starts.size() - 1) + width;
		return new HistoryStats(Instant.ofEpochMilli(since), Instant.ofEpochMilli(until), query.resolution(),
				total.totals(Duration.ofMillis(until - since)), series, covered);
	}

	private HistoryPage page(List<String> scope, HistoryQuery query) {
		Objects.requireNonNull(query, "query must not be null");
		Map<String, StreamScan.Position> positions = new LinkedHashMap<>();
		if (query.cursor() != null) {
			positions.putAll(HistoryCursor.decode(query.cursor()));
			positions.keySet().retainAll(scope);
		}
		else {
			scope.forEach((queue) -> positions.put(queue, START));
		}
		long since = (query.since() != null) ? query.since().toEpochMilli() : 0;
		long until = (query.until() != null) ? query.until().toEpochMilli() : Long.MAX_VALUE;
		int perQueue = Math.max(1_000, MAX_LINES / Math.max(1, positions.size()));
		List<QueueFound> found = new ArrayList<>();
		Map<String, StreamScan.Position> resumes = new LinkedHashMap<>();
		positions.forEach((queue, position) -> {
			if (position == null) {
				resumes.put(queue, null);
				return;
			}
			StreamScan.Result result = this.scan.scan(queue, (position == START) ? null : position, since, until,
					query.limit(), query::matches, perQueue);
			result.found().forEach((each) -> found.add(new QueueFound(queue, each)));
			resumes.put(queue, result.resume());
		});
		found.sort(QueueFound.NEWEST_FIRST);
		List<QueueFound> taken = found.subList(0, Math.min(query.limit(), found.size()));
		// A queue whose attempts were not all taken goes on after the last one taken (or
		// where it stood, when none was).
		Map<String, StreamScan.Position> next = new LinkedHashMap<>(resumes);
		if (taken.size() < found.size()) {
			positions.forEach((queue, position) -> {
				boolean left = found.subList(taken.size(), found.size())
					.stream()
					.anyMatch((each) -> each.queue().equals(queue));
				if (left) {
					StreamScan.Position last = position;
					for (QueueFound each : taken) {
						if (each.queue().equals(queue)) {
							last = each.found().position();
						}
					}
					next.put(queue, last);
				}
			});
		}
		return new HistoryPage(taken.stream().map((each) -> each.found().attempt()).toList(),
				HistoryCursor.encode(next));
	}

	private List<TaskAttempt> attemptsOf(String queue, String taskId, StoredAttempts stored) {
		if (stored == null) {
			return List.of();
		}
		List<TaskAttempt> attempts = new ArrayList<>(stored.records().size() + 1);
		stored.records()
			.forEach((attempt, record) -> attempts
				.add(HistoryLines.record(queue, taskId, stored.name(), stored.group(), attempt, record)));
		TaskAttempt last = HistoryLines.last(queue, taskId, stored.name(), stored.group(), stored.last());
		if (last != null && !stored.records().containsKey(last.attempt())) {
			attempts.add(last);
		}
		return attempts;
	}

	private List<String> allQueues() {
		List<String> all = this.queues.get();
		return (all.size() > MAX_QUEUES) ? all.subList(0, MAX_QUEUES) : all;
	}

	private static void checkQueue(String queue) {
		Names.checkQueue(queue);
	}

	private <T> T await(CompletableFuture<T> call, String what) {
		return RedisCalls.await(call, this.timeout, what);
	}

	/** An attempt found in one of several queues. */
	private record QueueFound(String queue, StreamScan.Found found) {

		static final Comparator<QueueFound> NEWEST_FIRST = Comparator
			.comparing((QueueFound each) -> EntryIds.millis(each.found().position().entryId()))
			.thenComparing((each) -> EntryIds.sequence(each.found().position().entryId()))
			.thenComparing((each) -> each.found().position().line())
			.reversed();

	}

	/** The failures of one pattern, counted. */
	private static final class PatternCount {

		private final String type;

		private final String message;

		private long count;

		private TaskAttempt first;

		private TaskAttempt last;

		PatternCount(String type, String message) {
			this.type = type;
			this.message = message;
		}

		void add(TaskAttempt attempt) {
			this.count++;
			if (this.first == null || attempt.endedAt().isBefore(this.first.endedAt())) {
				this.first = attempt;
			}
			if (this.last == null || attempt.endedAt().isAfter(this.last.endedAt())) {
				this.last = attempt;
			}
		}

		ErrorPattern pattern() {
			return new ErrorPattern(this.type, this.message, this.count, this.first.endedAt(), this.last.endedAt(),
					this.last.queue(), this.last.taskId());
		}

	}

}
