/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.worker.WorkerPoolOptions;
import dev.cleo.sample.CommandLineOptions;
import dev.cleo.sample.redis.EmbeddedRedis;
import dev.cleo.sample.redis.EmbeddedRedisException;
import dev.cleo.sample.tasks.Email;
import dev.cleo.sample.tasks.Mailer;
import dev.cleo.sample.tasks.SendEmailHandler;
import dev.cleo.sample.tasks.SimulateWorkHandler;
import dev.cleo.sample.tasks.Work;

/**
 * The {@code demo} command: registers {@code send-email} and {@code simulate-work},
 * enqueues a few of each (one that succeeds on its second attempt, one that runs out of
 * attempts), waits until all are final, and prints their states and the dead-letter
 * queue. Without {@code --redis-url} it runs its own {@code redis-server}.
 */
public final class DemoCommand {

	private static final Logger logger = LoggerFactory.getLogger(DemoCommand.class);

	private static final String QUEUE = "demo";

	private static final Duration WAIT_LIMIT = Duration.ofSeconds(30);

	private DemoCommand() {
	}

	/**
	 * Run the demo.
	 * @param args the options after {@code demo}
	 * @param out where the final states and the dead-letter queue are printed
	 * @return the exit status, 0 when every task reached a final state in time
	 * @throws IllegalArgumentException when an option is wrong
	 */
	public static int run(List<String> args, PrintStream out) {
		String url = CommandLineOptions.parse("demo", args, Set.of("redis-url")).value("redis-url").orElse(null);
		try (EmbeddedRedis embedded = (url != null) ? null : startRedis()) {
			if (embedded != null) {
				logger.info("Running against an embedded redis-server at {}, started for this demo and stopped when "
						+ "it ends; to use another Redis, pass --redis-url=redis://HOST:PORT", embedded.uri());
			}
			return runTasks((url != null) ? url : embedded.uri(), out);
		}
	}

	private static EmbeddedRedis startRedis() {
		try {
			return EmbeddedRedis.start();
		}
		catch (EmbeddedRedisException ex) {
			throw new EmbeddedRedisException(ex.getMessage() + ": " + EmbeddedRedisException.INSTALL_HINT
					+ ", or pass --redis-url=redis://HOST:PORT", ex);
		}
	}

	private static int runTasks(String url, PrintStream out) {
		try (QueueManager queues = QueueManager.builder().redisUri(url).keyPrefix("cleo-demo").build()) {
			queues.register(SendEmailHandler.NAME, new SendEmailHandler(new Mailer()));
			queues.register(SimulateWorkHandler.NAME, new SimulateWorkHandler());
			FinalStates finals = FinalStates.watch(queues);
			queues.startWorkers(WorkerPoolOptions.builder().name(QUEUE).queue(QUEUE).concurrency(4).build());
			List<TaskHandle<Object>> handles = enqueue(queues);
			boolean allFinal = finals.await(handles, WAIT_LIMIT);
			DemoReport.print(out, handles, queues.deadLetters(QUEUE).list(0, 20));
			return allFinal ? 0 : 1;
		}
	}

	private static List<TaskHandle<Object>> enqueue(QueueManager queues) {
		TaskOptions options = TaskOptions.defaults().queue(QUEUE).backoff(Backoff.fixed(Duration.ofMillis(200)));
		List<TaskHandle<Object>> handles = new ArrayList<>();
		for (String to : List.of("ada@example.com", "grace@example.org", "linus@example.net")) {
			handles.add(queues.enqueue(SendEmailHandler.NAME, new Email(to, "Welcome", "Hello!"), options));
		}
		handles.add(queues.enqueue(SimulateWorkHandler.NAME, new Work(300, 0), options));
		handles.add(queues.enqueue(SimulateWorkHandler.NAME, new Work(100, 1), options.maxAttempts(3)));
		handles.add(queues.enqueue(SimulateWorkHandler.NAME, new Work(50, 5), options.maxAttempts(2)));
		logger.info("Enqueued {} tasks on queue '{}'", handles.size(), QUEUE);
		return handles;
	}

}
