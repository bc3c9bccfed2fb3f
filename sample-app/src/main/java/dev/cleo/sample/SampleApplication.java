/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.sample.app.CleoSampleApplication;
import dev.cleo.sample.bench.BenchCommand;
import dev.cleo.sample.demo.DemoCommand;

/**
 * The jar's entry point. Without a command it starts the Spring Boot application
 * ({@link CleoSampleApplication}); {@code bench} (the load generator), {@code demo} and
 * {@code help} run before, and without, any Spring context. It only dispatches.
 */
public final class SampleApplication {

	private static final Logger logger = LoggerFactory.getLogger(SampleApplication.class);

	/** What {@code java -jar sample-app.jar} prints without a command. */
	public static final String USAGE = """
			Usage: java -jar sample-app.jar [--spring.property=value ...]
			       java -jar sample-app.jar <command> [options]

			Without a command: starts the Spring Boot sample application on port 8080 (--server.port=N
			to change it). Without --spring.data.redis.url it starts an embedded redis-server.

			Commands:
			  bench --redis-url=redis://HOST:PORT [--scenario=NAME[,NAME...]] [--tasks=N] [--concurrency=N]
			        [--duration-seconds=N] [--rate=N] [--batches-in-flight=N] [--warmup-tasks=N] [--callers=N]
			        [--groups=N] [--history=on|off]
			      Load generator: prints one JSON line per scenario to stdout (logs go to stderr). It
			      deletes only keys under 'cleo-bench:' in that Redis, before each scenario and at the end.
			      Scenarios, in order: enqueue_bulk, drain, delayed_due, end_to_end, proxy_end_to_end,
			      groups_round_robin, latency, flood
			      (default: all).
			      --tasks        base task count (default 100000); flood runs 10x; delayed_due enqueues them
			                     all due at one instant, 1 s + 25 us a task ahead
			      --concurrency  worker pool concurrency (default 50)
			      --batches-in-flight  enqueue batches of 1000 sent at once (default 4; 1 = sequential)
			      --callers      threads calling the task proxy in proxy_end_to_end (default 64)
			      --groups       groups the tasks of groups_round_robin are dealt to (default 1000)
			      --warmup-tasks  tasks each scenario first runs, unmeasured, so the JIT has compiled
			                     its paths (default min(50000, tasks); flood a tenth; 0 = cold JVM)
			      --history      on (default): the managers record task history; off: HistoryOptions.off()
			      --rate, --duration-seconds  the latency scenario's tasks per second (default 1000) and
			                     measured seconds (default 10 x tasks/100000, at least 1), after 1 s warm-up
			  demo [--redis-url=redis://HOST:PORT]
			      Runs a few send-email and simulate-work tasks, then prints their final states and the
			      dead-letter queue. Without --redis-url it starts its own redis-server.
			""";

	private SampleApplication() {
	}

	/**
	 * Run a command and exit with its status, or start the Spring Boot application when
	 * no command is given (the arguments then go to Spring Boot).
	 * @param args the command and its options, or Spring Boot's arguments
	 */
	public static void main(String[] args) {
		if (args.length == 0 || args[0].startsWith("--") && !"--help".equals(args[0])) {
			CleoSampleApplication.main(args);
			return;
		}
		System.exit(run(args, System.out));
	}

	/**
	 * Run a command in this JVM.
	 * @param args the command and its options
	 * @param out where the command's results go (logs go to stderr)
	 * @return the exit status: 0 on success, 1 when the command failed, 2 on a usage
	 * error
	 */
	public static int run(String[] args, PrintStream out) {
		if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
			out.print(USAGE);
			return 0;
		}
		List<String> options = Arrays.asList(args).subList(1, args.length);
		try {
			return switch (args[0]) {
				case "bench" -> BenchCommand.run(options, out);
				case "demo" -> DemoCommand.run(options, out);
				default -> throw new IllegalArgumentException("Unknown command '" + args[0] + "'");
			};
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			return 2;
		}
		catch (RuntimeException ex) {
			logger.error("Command '{}' failed", args[0], ex);
			return 1;
		}
	}

}
