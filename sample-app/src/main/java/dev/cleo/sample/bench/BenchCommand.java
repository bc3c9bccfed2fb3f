/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.io.PrintStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bench} command: runs the chosen scenarios one after another against the
 * given Redis and prints one JSON line per scenario. Before each scenario, and once at
 * the end, it deletes the keys under {@value BenchContext#KEY_PREFIX} (and nothing else),
 * so every scenario starts from the same empty state and memory readings compare.
 */
public final class BenchCommand {

	private static final Logger logger = LoggerFactory.getLogger(BenchCommand.class);

	private BenchCommand() {
	}

	/**
	 * Run the bench.
	 * @param args the options after {@code bench}
	 * @param out where the JSON lines go
	 * @return the exit status, 0 when every scenario ran
	 * @throws IllegalArgumentException when an option is wrong
	 */
	public static int run(List<String> args, PrintStream out) {
		BenchOptions options = BenchOptions.parse(args);
		try (QuietLogging quiet = QuietLogging.apply(); BenchRedis redis = BenchRedis.connect(options.redisUrl())) {
			BenchContext bench = new BenchContext(options, redis);
			for (String name : options.scenarios()) {
				warmUp(name, options, redis);
				out.println(runScenario(Scenarios.named(name), bench).with("jvm_warmup_tasks", options.warmupTasks())
					.with("history", options.history() ? "on" : "off")
					.toJson());
				out.flush();
			}
			redis.deletePrefix(BenchContext.KEY_PREFIX);
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Bench interrupted");
			return 1;
		}
	}

	/**
	 * Run the scenario once, smaller and unreported, as JMH runs warm-up iterations: the
	 * JIT compiler then has compiled (and re-compiled) the very paths the measured run
	 * takes.
	 */
	private static void warmUp(String name, BenchOptions options, BenchRedis redis) throws InterruptedException {
		if (options.warmupTasks() > 0 && !Scenarios.named(name).warmsUpInPlace()) {
			BenchOptions small = options
				.forWarmUp(name.equals("flood") ? options.warmupTasks() / 10 : options.warmupTasks());
			logger.info("{}: warming up with {} tasks, not reported", name, small.tasks());
			runScenario(Scenarios.named(name), new BenchContext(small, redis));
		}
	}

	private static BenchResult runScenario(Scenario scenario, BenchContext bench) throws InterruptedException {
		long deleted = bench.redis().deletePrefix(BenchContext.KEY_PREFIX);
		logger.info("{}: starting (deleted {} leftover bench keys)", scenario.name(), deleted);
		BenchResult result = scenario.run(bench);
		return result.with("redis_used_memory_bytes", bench.redis().usedMemory());
	}

}
