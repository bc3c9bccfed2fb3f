/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.worker.WorkerPoolOptions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker without a handler for a task's name hands the task back for another worker
 * (two applications on one prefix, a rolling deploy), without counting an attempt and
 * without claiming it again at once, warns once per name, and dead-letters the task only
 * once the pool's unknown-task grace is over.
 */
@QueueManagerTest
class UnknownTaskNameTests {

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs").maxAttempts(3);

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private Logger logger;

	private Level level;

	@BeforeEach
	void captureLog() {
		this.logger = (Logger) LoggerFactory.getLogger("dev.cleo.queue.worker.UnknownTaskNames");
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.lines);
		this.logger.setLevel(this.level);
	}

	@Test
	void taskRunsOnTheManagerThatHasItsHandlerWithOneAttempt(QueueManagers managers) {
		QueueManager without = managers.build();
		without.startWorkers(pool(Duration.ofMinutes(10)));
		List<TaskHandle<Object>> reports = IntStream.range(0, 10)
			.mapToObj((i) -> without.enqueue("report", i, JOBS))
			.toList();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> handedBack().stream().map((line) -> line.getArgumentArray()[0]).distinct().count() == 10);
		QueueManager with = managers.build();
		with.register("report", (task) -> task.payload(Integer.class) * 2);
		with.startWorkers(pool(Duration.ofMinutes(10)));
		// Whichever pool claims first at each due time wins; 40 s make 14 turns.
		await().atMost(Duration.ofSeconds(40))
			.until(() -> reports.stream().allMatch((report) -> report.state().orElseThrow() == TaskState.COMPLETED));
		assertThat(reports).allSatisfy((report) -> assertThat(report.info().orElseThrow().attempts()).isOne());
		assertThat(without.deadLetters("jobs").size()).isZero();
		assertThat(warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.getFormattedMessage()).contains("'report'", "PT10M"));
	}

	@Test
	void taskIsDeadLetteredOnceTheGraceIsOverWhenNoWorkerHasItsHandler(QueueManager manager) {
		Duration grace = Duration.ofMillis(1500);
		manager.startWorkers(pool(grace));
		List<TaskHandle<Object>> ghosts = IntStream.range(0, 5)
			.mapToObj((i) -> manager.enqueue("ghost", i, JOBS))
			.toList();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> ghosts.stream().allMatch((ghost) -> ghost.state().orElseThrow() == TaskState.DEAD));
		assertThat(ghosts).allSatisfy((ghost) -> {
			TaskInfo dead = ghost.info().orElseThrow();
			assertThat(dead.attempts()).isOne();
			assertThat(Duration.between(dead.createdAt(), dead.finishedAt())).isGreaterThanOrEqualTo(grace);
			assertThat(dead.lastError()).contains("No handler is registered for task 'ghost'", "PT1.5S");
		});
		assertThat(manager.deadLetters("jobs").size()).isEqualTo(5);
		assertThat(handedBack()).hasSizeGreaterThanOrEqualTo(5);
		assertThat(warnings()).hasSize(1);
	}

	@Test
	void handlerlessPoolWaitsBeforeClaimingTheSameTaskAgainAndGoesOnWithOtherTasks(QueueManager manager) {
		manager.register("ok", (task) -> "done");
		manager.startWorkers(pool(Duration.ofMinutes(1)));
		TaskHandle<Object> ghost = manager.enqueue("ghost", null, JOBS);
		await().atMost(Duration.ofSeconds(10)).until(() -> handedBack().size() >= 3);
		List<Long> times = new ArrayList<>(handedBack().stream().map(ILoggingEvent::getTimeStamp).toList());
		for (int i = 1; i < times.size(); i++) {
			assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(900);
		}
		assertThat(ghost.info().orElseThrow().attempts()).isLessThanOrEqualTo(1);
		TaskHandle<Object> ok = manager.enqueue("ok", null, JOBS);
		await().atMost(Duration.ofSeconds(5)).until(() -> ok.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(ghost.state().orElseThrow()).isNotEqualTo(TaskState.DEAD);
	}

	@Test
	void groupedTaskHandedBackKeepsItsPlaceInItsGroup(QueueManager manager) {
		manager.register("ok", (task) -> "done");
		manager.startWorkers(pool(Duration.ofMillis(1500)));
		TaskHandle<Object> ghost = manager.enqueue("ghost", null, JOBS.group("g"));
		TaskHandle<Object> ok = manager.enqueue("ok", null, JOBS.group("g"));
		await().atMost(Duration.ofSeconds(15)).until(() -> ok.state().orElseThrow() == TaskState.COMPLETED);
		TaskInfo dead = ghost.info().orElseThrow();
		assertThat(dead.state()).isEqualTo(TaskState.DEAD);
		// One at a time in the group, in order: the later task starts once the first is
		// over.
		assertThat(ok.info().orElseThrow().startedAt()).isAfterOrEqualTo(dead.finishedAt());
		assertThat(manager.groups("jobs").group("g").stats().active()).isZero();
	}

	private static WorkerPoolOptions pool(Duration grace) {
		return WorkerPoolOptions.builder().queue("jobs").unknownTaskGrace(grace).build();
	}

	private List<ILoggingEvent> handedBack() {
		return events(Level.DEBUG);
	}

	private List<ILoggingEvent> warnings() {
		return events(Level.WARN);
	}

	private List<ILoggingEvent> events(Level level) {
		synchronized (this.lines) {
			return this.lines.list.stream().filter((line) -> line.getLevel() == level).toList();
		}
	}

}
