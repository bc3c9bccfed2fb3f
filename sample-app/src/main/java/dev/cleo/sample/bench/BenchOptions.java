/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.sample.CommandLineOptions;

/**
 * What one bench run does.
 *
 * @param redisUrl the Redis to drive
 * @param scenarios the scenarios to run, in order
 * @param tasks the base task count; each scenario scales it (flood runs ten times as
 * many)
 * @param concurrency the worker pool's concurrency
 * @param durationSeconds how long the latency scenario measures
 * @param rate the latency scenario's enqueues per second
 * @param batchesInFlight how many enqueue batches a producer keeps on their way to Redis
 * (1 means sequential {@code enqueueAll} calls)
 * @param warmupTasks how many tasks each scenario first runs, unmeasured, so that the JIT
 * compiler has warmed up (0 measures a cold JVM)
 * @param callers how many threads call the task proxy at once in {@code proxy_end_to_end}
 * @param groups how many groups {@code groups_round_robin} deals its tasks to
 * @param history whether the managers record task history ({@code --history=on}, the
 * default, as an application runs; {@code off} builds them with
 * {@link HistoryOptions#off()}, to measure what recording costs)
 */
public record BenchOptions(String redisUrl, List<String> scenarios, int tasks, int concurrency, int durationSeconds,
		int rate, int batchesInFlight, int warmupTasks, int callers, int groups, boolean history) {

	/** The default base task count. */
	public static final int DEFAULT_TASKS = 100_000;

	/**
	 * The default number of threads calling the task proxy: a busy application's request
	 * threads, and more calls in flight than a round trip of about a millisecond needs
	 * for the throughput measured here (about 25 at 25,000/s), so the scenario measures
	 * what the proxy path costs rather than how many calls wait on their round trip.
	 */
	public static final int DEFAULT_CALLERS = 64;

	private static final Set<String> KNOWN = Set.of("redis-url", "scenario", "tasks", "concurrency", "duration-seconds",
			"rate", "batches-in-flight", "warmup-tasks", "callers", "groups", "history");

	/**
	 * The options of a scenario's warm-up run.
	 * @param warmupTasks its task count
	 * @return these options with that count and no further warm-up
	 */
	public BenchOptions forWarmUp(int warmupTasks) {
		return new BenchOptions(this.redisUrl, this.scenarios, Math.max(1, warmupTasks), this.concurrency, 1, this.rate,
				this.batchesInFlight, 0, this.callers, this.groups, this.history);
	}

	/**
	 * Read the options of the {@code bench} command.
	 * @param args the arguments after {@code bench}
	 * @return the options
	 * @throws IllegalArgumentException when an option is unknown, malformed or missing
	 */
	public static BenchOptions parse(List<String> args) {
		CommandLineOptions options = CommandLineOptions.parse("bench", args, KNOWN);
		String url = options.value("redis-url")
			.orElseThrow(() -> new IllegalArgumentException("bench needs --redis-url=redis://HOST:PORT"));
		List<String> scenarios = options.value("scenario")
			.map((names) -> Arrays.stream(names.split(",")).map(String::trim).map(Scenarios::checkName).toList())
			.orElse(Scenarios.NAMES);
		int tasks = options.intValue("tasks", DEFAULT_TASKS, 1, 100_000_000);
		int defaultDuration = (int) Math.max(1, Math.round(10.0 * tasks / DEFAULT_TASKS));
		return new BenchOptions(url, scenarios, tasks, options.intValue("concurrency", 50, 1, 10_000),
				options.intValue("duration-seconds", defaultDuration, 1, 3_600),
				options.intValue("rate", 1_000, 1, 1_000_000), options.intValue("batches-in-flight", 4, 1, 64),
				options.intValue("warmup-tasks", Math.min(50_000, tasks), 0, 10_000_000),
				options.intValue("callers", DEFAULT_CALLERS, 1, 10_000),
				options.intValue("groups", 1_000, 1, 10_000_000), history(options));
	}

	private static boolean history(CommandLineOptions options) {
		String value = options.value("history").orElse("on");
		return switch (value) {
			case "on" -> true;
			case "off" -> false;
			default -> throw new IllegalArgumentException("--history must be on or off, was " + value);
		};
	}

}
