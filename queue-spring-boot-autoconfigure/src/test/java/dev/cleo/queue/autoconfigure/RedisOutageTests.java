/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.test.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * A Redis outage does not stop the web server. A real application on Tomcat (random port)
 * loses its real Redis for two minutes while a client scrapes
 * {@code /actuator/prometheus} and checks {@code /actuator/health} every 100 ms, as
 * Prometheus and a load balancer would: every answer comes within its deadline, Tomcat's
 * busy threads stay few, no request thread is left waiting on Redis, and once Redis is
 * back the health is UP and a task completes. Takes about two and a half minutes;
 * {@code -Dcleo.test.outage-seconds=10} shortens the outage for a quick look.
 */
class RedisOutageTests {

	private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("cleo.test.outage-seconds", 120));

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

	/** Room for a loaded two-core machine: a scheduling hiccup, a GC pause. */
	private static final Duration MARGIN = Duration.ofMillis(750);

	private static final Duration SCRAPE_DEADLINE = Duration.ofSeconds(1);

	@Test
	void serverKeepsAnsweringThroughATwoMinuteOutageAndRecovers() throws Exception {
		try (RedisServer redis = RedisServer.start()) {
			assumeThat(redis.supportsRestart()).as("needs a redis-server it can stop").isTrue();
			try (ConfigurableApplicationContext app = start(redis)) {
				int port = ((WebServerApplicationContext) app).getWebServer().getPort();
				MeterRegistry meters = app.getBean(MeterRegistry.class);
				QueueManager manager = app.getBean(QueueManager.class);
				assertThat(completes(manager, "before")).isTrue();
				EndpointProbe probe = new EndpointProbe(port, Duration.ofMillis(100), meters);
				probe.awaitHealth(200);
				redis.stop();
				long outageStart = System.nanoTime();
				probe.runFor(OUTAGE);
				probe.close();
				// Still down: every request thread must be free again.
				await().atMost(Duration.ofSeconds(5)).until(() -> busyThreads(meters) == 0);
				assertThat(EndpointProbe.requestThreadsWaitingOnRedis()).isZero();
				redis.restart();
				long restarted = System.nanoTime();
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> EndpointProbe.status(port, "/actuator/health") == 200);
				long healthyAfter = System.nanoTime() - restarted;
				assertThat(completes(manager, "after")).isTrue();
				report(probe, outageStart, restarted, healthyAfter);
				assertThat(probe.late()).as("answers later than their deadline").isEmpty();
				assertThat(probe.statuses("/actuator/prometheus")).containsOnlyKeys(200);
				assertThat(probe.statuses("/actuator/health")).as("DOWN while Redis is away").containsOnlyKeys(503);
				assertThat(probe.maxBusyThreads()).isLessThanOrEqualTo(25);
			}
		}
	}

	private static ConfigurableApplicationContext start(RedisServer redis) {
		return new SpringApplicationBuilder(OutageApplication.class).properties(
				Map.ofEntries(Map.entry("server.port", "0"), Map.entry("server.tomcat.mbeanregistry.enabled", "true"),
						Map.entry("spring.data.redis.url", redis.uri()), Map.entry("spring.data.redis.timeout", "6s"),
						// Boot's own Redis check waits spring.data.redis.timeout (6 s) in
						// an outage;
						// Cleo's checks the same Redis with its own short deadline.
						Map.entry("management.health.redis.enabled", "false"),
						Map.entry("management.endpoints.web.exposure.include", "health,prometheus"),
						Map.entry("management.endpoint.health.show-details", "always"),
						Map.entry("cleo.health.timeout", HEALTH_TIMEOUT.toMillis() + "ms"),
						Map.entry("cleo.queues.orders.concurrency", "2"),
						Map.entry("cleo.queues.orders.groups.metered-groups", "vip"),
						Map.entry("cleo.worker.shutdown-timeout", "2s")))
			.run();
	}

	private static boolean completes(QueueManager manager, String payload) {
		String id = manager.enqueue("echo", payload, TaskOptions.defaults().queue("orders")).id();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> manager.task("orders", id).map(TaskInfo::state).orElse(null) == TaskState.COMPLETED);
		return true;
	}

	private static double busyThreads(MeterRegistry meters) {
		return meters.get("tomcat.threads.busy").gauge().value();
	}

	private static void report(EndpointProbe probe, long outageStart, long restarted, long healthyAfter) {
		System.out.printf(
				"Outage of %d s: %s; %s; busy Tomcat threads at most %d, Tomcat threads at most %d; "
						+ "health UP %d ms after Redis restarted (test ran %d s since the stop)%n",
				OUTAGE.toSeconds(), probe.summary("/actuator/prometheus"), probe.summary("/actuator/health"),
				probe.maxBusyThreads(), probe.maxThreads(), TimeUnit.NANOSECONDS.toMillis(healthyAfter),
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStart));
	}

	static Duration deadline(String path) {
		return path.contains("health") ? HEALTH_TIMEOUT.plus(MARGIN) : SCRAPE_DEADLINE;
	}

	/**
	 * The application: Cleo with a worker pool for {@code orders}, Actuator and Tomcat.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class OutageApplication {

		@Bean
		TaskHandler echo() {
			return (task) -> task.payload(String.class);
		}

	}

}
