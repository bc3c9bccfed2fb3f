/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.schedule.CronFormat;
import dev.cleo.queue.schedule.MisfirePolicy;
import dev.cleo.queue.schedule.OverlapPolicy;
import dev.cleo.queue.schedule.ScheduleInfo;
import dev.cleo.queue.schedule.Trigger;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AliasFor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules declared on {@code @Task} methods, against a real Redis: they fire and run
 * the bean's method, directly or through a meta-annotation, and they are stored as
 * declared, for the application named by {@code spring.application.name}.
 */
@RedisTest
class ScheduledTaskTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "spring.application.name=billing", "cleo.worker.shutdown-timeout=1s")
			.withBean(Ran.class);
	}

	@Test
	void cronMethodFiresAndRunsTheBeanMethodOnAWorker() {
		this.runner.withBean(Reports.class).run((context) -> {
			awaitCall(context, "everySecond");
			ScheduleInfo info = find(context, "reports", "reports.every-second");
			assertThat(info.trigger()).isEqualTo(Trigger.cron("* * * * * *", ZoneId.of("Europe/Paris")));
			assertThat(info.trigger().format()).isEqualTo(CronFormat.SPRING);
			assertThat(info.owner()).isEqualTo("billing");
			assertThat(info.overlap()).isEqualTo(OverlapPolicy.SKIP_IF_RUNNING);
			assertThat(info.lastRun()).isNotNull();
		});
	}

	@Test
	void fixedRateMethodRunsAgainAndAgain() {
		this.runner.withBean(Heartbeat.class).run((context) -> {
			await().atMost(Duration.ofSeconds(15))
				.until(() -> context.getBean(Ran.class).calls.stream().filter("beat"::equals).count() >= 3);
			ScheduleInfo info = find(context, "default", "Heartbeat.beat");
			assertThat(info.trigger()).isEqualTo(Trigger.fixedRate(Duration.ofMillis(200)));
			assertThat(info.misfire()).isEqualTo(MisfirePolicy.SKIP);
		});
	}

	@Test
	void metaAnnotationDeclaresTheScheduleWithItsAliasedAttribute() {
		this.runner.withBean(Pulse.class).run((context) -> {
			awaitCall(context, "pulse");
			ScheduleInfo info = find(context, "pulses", "Pulse.pulse");
			assertThat(info.trigger()).isEqualTo(Trigger.fixedRate(Duration.ofMillis(300)));
		});
	}

	@Test
	void placeholdersAndDefaultsComeFromTheProperties() {
		this.runner.withBean(Configured.class)
			.withPropertyValues("audit.cron=0 3 * * *", "cleo.schedules.zone=Asia/Tokyo",
					"cleo.schedules.misfire=catch-up", "cleo.schedules.overlap=skip-if-running",
					"cleo.schedules.owner=audit-app")
			.run((context) -> {
				ScheduleInfo info = find(context, "default", "Configured.audit");
				assertThat(info.trigger())
					.isEqualTo(Trigger.cron("0 3 * * *", ZoneId.of("Asia/Tokyo"), CronFormat.UNIX));
				assertThat(info.misfire()).isEqualTo(MisfirePolicy.CATCH_UP);
				assertThat(info.catchUpMax()).isEqualTo(100);
				assertThat(info.overlap()).isEqualTo(OverlapPolicy.SKIP_IF_RUNNING);
				assertThat(info.owner()).isEqualTo("audit-app");
			});
	}

	@Test
	void disabledInstanceFiresNothingWhileAnotherFires() {
		ApplicationContextRunner heartbeats = this.runner.withBean(Heartbeat.class);
		heartbeats.withPropertyValues("cleo.schedules.enabled=false").run((quiet) -> {
			QueueManager manager = quiet.getBean(QueueManager.class);
			assertThat(manager.schedules().firing().isFiring()).isFalse();
			// It still declares the schedule; it just never fires it.
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> find(quiet, "default", "Heartbeat.beat").fired() == 0);
			heartbeats.run((firing) -> await().atMost(Duration.ofSeconds(15))
				.until(() -> find(quiet, "default", "Heartbeat.beat").fired() > 0));
		});
	}

	/** Wait until a worker ran the bean method of the given name. */
	private static void awaitCall(AssertableApplicationContext context, String method) {
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(context.getBean(Ran.class).calls).contains(method));
	}

	private static ScheduleInfo find(AssertableApplicationContext context, String queue, String name) {
		return context.getBean(QueueManager.class).schedules().find(queue, name).orElseThrow();
	}

	/** The methods that ran, by name. */
	static class Ran {

		final List<String> calls = new CopyOnWriteArrayList<>();

	}

	public static class Reports {

		private final Ran ran;

		public Reports(Ran ran) {
			this.ran = ran;
		}

		@Task(id = "reports.every-second", queue = "reports", cron = "* * * * * *", zone = "Europe/Paris",
				overlap = OverlapPolicy.SKIP_IF_RUNNING)
		public void everySecond() {
			this.ran.calls.add("everySecond");
		}

	}

	public static class Heartbeat {

		private final Ran ran;

		public Heartbeat(Ran ran) {
			this.ran = ran;
		}

		@Task(fixedRate = "200ms", misfire = MisfirePolicy.SKIP)
		public void beat() {
			this.ran.calls.add("beat");
		}

	}

	/** An application's own scheduling annotation, its period given where it is used. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Task(queue = "pulses")
	@interface Every {

		@AliasFor(annotation = Task.class, attribute = "fixedRate")
		String value();

	}

	public static class Pulse {

		private final Ran ran;

		public Pulse(Ran ran) {
			this.ran = ran;
		}

		@Every("300ms")
		public void pulse() {
			this.ran.calls.add("pulse");
		}

	}

	public static class Configured {

		@Task(cron = "${audit.cron}")
		public void audit() {
		}

	}

}
