/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.QueueManagers;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules declared in code are reconciled at start-up: changed ones are updated, and
 * one that no instance declares any more is removed once the grace period is over, while
 * an instance still declaring it keeps it, and saves it again if Redis lost it.
 */
@QueueManagerTest
class ScheduleReconcileTests {

	private static final TaskOptions REPORTS = TaskOptions.defaults().queue("reports");

	private static final Duration GRACE = Duration.ofSeconds(1);

	private QueueManager previousVersion;

	private QueueManager nextVersion;

	private QueueManagers managers;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
		this.previousVersion = managers.build();
		this.nextVersion = managers.build();
	}

	@Test
	void rollingDeployUpdatesChangedSchedulesAndRemovesDroppedOnesOnlyOnceNobodyDeclaresThem() {
		Schedule hourly = Schedule.cron("hourly", "0 0 * * * *").task("report", "v1").options(REPORTS);
		Schedule dropped = Schedule.cron("dropped", "0 0 0 * * *").task("report", null).options(REPORTS);
		Reconciliation first = this.previousVersion.schedules().reconcile("app", List.of(hourly, dropped), GRACE);
		assertThat(first.created()).containsExactly("reports/hourly", "reports/dropped");
		this.previousVersion.schedules()
			.register(Schedule.fixedRate("manual", Duration.ofHours(1)).task("report", null).options(REPORTS));

		Schedule changed = Schedule.cron("hourly", "0 30 * * * *").task("report", "v2").options(REPORTS);
		Reconciliation next = this.nextVersion.schedules().reconcile("app", List.of(changed), GRACE);
		assertThat(next.updated()).containsExactly("reports/hourly");
		assertThat(next.removed()).as("the previous version still declares it").isEmpty();
		await().during(GRACE.multipliedBy(2))
			.atMost(GRACE.multipliedBy(3))
			.until(() -> this.nextVersion.schedules().find("reports", "dropped").isPresent());

		this.previousVersion.close();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.nextVersion.schedules().find("reports", "dropped").isEmpty());
		ScheduleInfo hourlyNow = this.nextVersion.schedules().find("reports", "hourly").orElseThrow();
		assertThat(hourlyNow.trigger().expression()).isEqualTo("0 30 * * * *");
		assertThat(hourlyNow.owner()).isEqualTo("app");
		assertThat(hourlyNow.declaredAt()).isNotNull();
		assertThat(this.nextVersion.schedules().find("reports", "manual")).as("registered through the API").isPresent();
	}

	@Test
	void unchangedDeclarationChangesNothingAndAnotherOwnersSchedulesAreLeftAlone() {
		Schedule hourly = Schedule.cron("hourly", "0 0 * * * *").task("report", null).options(REPORTS);
		this.previousVersion.schedules().reconcile("app", List.of(hourly), GRACE);
		ScheduleInfo before = this.previousVersion.schedules().find("reports", "hourly").orElseThrow();
		Reconciliation again = this.nextVersion.schedules().reconcile("app", List.of(hourly), GRACE);
		assertThat(again.unchanged()).containsExactly("reports/hourly");
		assertThat(this.nextVersion.schedules().find("reports", "hourly").orElseThrow().nextFire())
			.isEqualTo(before.nextFire());
		this.previousVersion.close();
		this.nextVersion.close();
		QueueManager other = this.managers.build();
		Duration shortGrace = Duration.ofMillis(100);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Instant.now().isAfter(before.declaredAt().plus(shortGrace.multipliedBy(3))));
		assertThat(other.schedules().reconcile("other-app", List.of(), shortGrace).removed()).isEmpty();
		assertThat(other.schedules().find("reports", "hourly")).isPresent();
	}

	@Test
	void poolStartedAfterReconcileFiresAtOnce() {
		// Reconcile starts the firer before any pool serves a queue (as at Spring
		// start-up,
		// where pools start last), with a grace whose refresh is a minute away.
		Schedule often = Schedule.fixedRate("often", Duration.ofMillis(200)).task("report", null).options(REPORTS);
		this.nextVersion.register("report", (task) -> null);
		this.nextVersion.schedules().reconcile("app", List.of(often), Duration.ofMinutes(10));
		// Only once the firer sleeps, with no queue to serve, does the pool start.
		await().atMost(Duration.ofSeconds(5)).until(ScheduleReconcileTests::firerSleeps);
		this.nextVersion.startWorkers(WorkerPoolOptions.builder().queue("reports").build());
		await().atMost(Duration.ofSeconds(3))
			.until(() -> this.nextVersion.schedules().find("reports", "often").orElseThrow().fired() > 0);
	}

	@Test
	void managerNotAllowedToFireKeepsDeclaringWhileAnotherFires() {
		Schedule often = Schedule.fixedRate("often", Duration.ofMillis(200)).task("report", null).options(REPORTS);
		this.previousVersion.register("report", (task) -> null);
		this.previousVersion.schedules().firing().setAllowed(false);
		this.previousVersion.schedules().reconcile("app", List.of(often), GRACE);
		this.previousVersion.startWorkers(WorkerPoolOptions.builder().queue("reports").build());
		assertThat(this.previousVersion.schedules().firing().isFiring()).isFalse();
		await().during(GRACE.multipliedBy(2))
			.atMost(GRACE.multipliedBy(4))
			.until(() -> this.previousVersion.schedules().find("reports", "often").orElseThrow().fired() == 0);
		this.nextVersion.register("report", (task) -> null);
		this.nextVersion.startWorkers(WorkerPoolOptions.builder().queue("reports").build());
		await().atMost(Duration.ofSeconds(3))
			.until(() -> this.nextVersion.schedules().find("reports", "often").orElseThrow().fired() > 0);
	}

	@Test
	void declaredSchedulesLostByRedisAreSavedAgainWithinOneRefreshAndFire() {
		Schedule often = Schedule.fixedRate("often", Duration.ofMillis(200)).task("report", null).options(REPORTS);
		this.nextVersion.register("report", (task) -> null);
		this.nextVersion.schedules().reconcile("app", List.of(often), GRACE);
		this.nextVersion.startWorkers(WorkerPoolOptions.builder().queue("reports").build());
		await().atMost(Duration.ofSeconds(3))
			.until(() -> this.nextVersion.schedules().find("reports", "often").orElseThrow().fired() > 0);

		// A restart without persistence: every key is gone.
		this.managers.redisCommands().flushall();
		assertThat(this.nextVersion.schedules().find("reports", "often")).isEmpty();
		// The refresh runs every grace / 4 (250 ms here).
		await().atMost(Duration.ofSeconds(3))
			.until(() -> this.nextVersion.schedules().find("reports", "often").map(ScheduleInfo::fired).orElse(0L) > 0);
		assertThat(this.nextVersion.schedules().find("reports", "often").orElseThrow().owner()).isEqualTo("app");
	}

	private static boolean firerSleeps() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.anyMatch((thread) -> thread.getName().equals("cleo-scheduler")
					&& thread.getState() == Thread.State.TIMED_WAITING);
	}

}
