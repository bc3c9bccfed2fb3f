/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * What the {@code queues} endpoint refuses, and how: writes without the one write switch
 * or the authority (403), invalid names and arguments (400), unknown queues, tasks and
 * schedules (404), a finished task's cancel and a removal that would take tasks (409),
 * and every call while Redis is away (503, within the read deadline). Each refusal is an
 * RFC 9457 problem whose detail is bounded and free of control characters and class
 * names.
 */
@RedisTest
class QueuesEndpointRefusalTests {

	private static final List<String> ACTIONS = List.of("pause", "resume", "retry-dead-letters", "purge-dead-letters",
			"cancel", "pause-schedule", "resume-schedule", "delete-schedule", "trigger-schedule");

	private static final String HUGE = "x\n18:00:00.000 ERROR FORGED ".repeat(40_000);

	private QueueManager manager;

	private RedisReads reads;

	private ApplicationQueues application;

	private QueuesEndpoint endpoint;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).workerId("node-1").build();
		this.manager.register("echo", (task) -> task.payload(String.class));
		this.reads = new RedisReads(Duration.ofMillis(300));
		this.application = new ApplicationQueues(List.of("orders", "reports"));
		this.endpoint = endpoint(WriteAccess.withoutSecurity(true));
	}

	@AfterEach
	void tearDown() {
		this.reads.close();
		this.manager.close();
	}

	@Test
	void everyWriteIsRefusedWhileTheOneWriteSwitchIsOff() {
		this.manager.schedules().register(QueuesEndpointTests.nightly());
		QueuesEndpoint closed = endpoint(WriteAccess.withoutSecurity(false));
		for (String action : ACTIONS) {
			QueueProblem problem = problem(403, () -> closed.act("reports", action, null, "nightly", "some-id"));
			assertThat(problem.detail()).as(action).contains("set cleo.write-operations.enabled=true");
		}
		assertThat(problem(403, () -> closed.remove("reports", true)).detail())
			.contains("set cleo.write-operations.enabled=true");
		assertThat(this.manager.queueInfo("reports").paused()).isFalse();
		assertThat(this.manager.schedules().find("reports", "nightly").orElseThrow().lastRun()).isNull();
	}

	@Test
	void removeIsAConflictNamingTheTasksWhileTheQueueHasSome() {
		this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("stray"));
		this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("stray").delay(Duration.ofHours(1)));
		assertThat(problem(409, () -> this.endpoint.remove("stray", null)).detail())
			.isEqualTo("Queue 'stray' still has 1 waiting, 1 delayed, 0 running and 0 dead tasks; "
					+ "DELETE /actuator/queues/stray?withTasks=true removes them with it");
		problem(409, () -> this.endpoint.remove("stray", false));
		assertThat(this.manager.counts("stray").waiting()).isOne();
		assertThat(this.manager.queues()).contains("stray");
	}

	@Test
	void writesNeedTheAdminAuthorityWhenSecurityIsPresent() {
		QueuesEndpoint asUser = endpoint(new WriteAccess(true, () -> Set.of("ROLE_USER")));
		assertThat(problem(403, () -> asUser.act("orders", "pause", null, null, null)).detail()).contains("CLEO_ADMIN");
		assertThat(this.manager.queueInfo("orders").paused()).isFalse();
		QueuesEndpoint asAdmin = endpoint(new WriteAccess(true, () -> Set.of(WriteAccess.AUTHORITY)));
		assertThat(asAdmin.act("orders", "pause", null, null, null).getStatus()).isEqualTo(200);
		assertThat(this.manager.queueInfo("orders").paused()).isTrue();
	}

	@Test
	void invalidQueueNamesAreBadRequestsWithABoundedDetail() {
		for (String name : List.of("*", "q".repeat(101), "a b", "a\nb", HUGE)) {
			QueueProblem read = problem(400, () -> this.endpoint.queue(name));
			assertThat(read.detail()).startsWith("Queue name '").contains("is invalid: use 1 to 100 letters");
			assertBounded(read);
			assertBounded(problem(400, () -> this.endpoint.act(name, "pause", null, null, null)));
			assertBounded(problem(400, () -> this.endpoint.remove(name, true)));
		}
	}

	@Test
	void unknownQueuesAreNotFoundAndNoCallCreatesThem() {
		assertThat(problem(404, () -> this.endpoint.queue("ghost")).detail()).contains("No queue 'ghost'");
		for (String action : List.of("pause", "resume", "retry-dead-letters", "purge-dead-letters")) {
			problem(404, () -> this.endpoint.act("ghost", action, null, null, null));
		}
		problem(404, () -> this.endpoint.remove("ghost", true));
		assertThat(this.manager.queues()).doesNotContain("ghost");
		assertThat(this.manager.queueInfo("ghost").paused()).isFalse();
	}

	@Test
	void unknownActionIsABadRequestNamingTheActions() {
		assertThat(problem(400, () -> this.endpoint.act("orders", "explode", null, null, null)).detail())
			.contains("Unknown action 'explode'", "pause", "cancel", "trigger-schedule");
		assertBounded(problem(400, () -> this.endpoint.act("orders", HUGE, null, null, null)));
	}

	@Test
	void maxJobsOutsideOneToTenThousandIsABadRequest() {
		for (int maxJobs : new int[] { 0, -1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE }) {
			assertThat(
					problem(400, () -> this.endpoint.act("orders", "retry-dead-letters", maxJobs, null, null)).detail())
				.isEqualTo("maxJobs must be 1 to 10000, was " + maxJobs);
		}
	}

	@Test
	void cancelNeedsAValidIdOfATaskThatHasNotFinished() {
		assertThat(problem(400, () -> this.endpoint.act("orders", "cancel", null, null, null)).detail())
			.contains("{\"id\": \"<id>\"}");
		assertBounded(problem(400, () -> this.endpoint.act("orders", "cancel", null, null, HUGE)));
		assertThat(problem(404, () -> this.endpoint.act("orders", "cancel", null, null, "no-such-task")).detail())
			.contains("No task 'no-such-task' on queue 'orders'");
		String done = completedTask();
		assertThat(problem(409, () -> this.endpoint.act("orders", "cancel", null, null, done)).detail())
			.contains("is completed and cannot be cancelled");
		assertThat(this.manager.task("orders", done).orElseThrow().state()).isEqualTo(TaskState.COMPLETED);
	}

	@Test
	void scheduleActionsNeedAValidNameOfAnExistingSchedule() {
		for (String action : List.of("pause-schedule", "resume-schedule", "delete-schedule", "trigger-schedule")) {
			assertThat(problem(404, () -> this.endpoint.act("reports", action, null, "ghost", null)).detail())
				.as(action)
				.contains("No schedule 'ghost' on queue 'reports'");
			assertThat(problem(400, () -> this.endpoint.act("reports", action, null, null, null)).detail())
				.contains("{\"schedule\": \"<schedule>\"}");
			assertBounded(problem(400, () -> this.endpoint.act("reports", action, null, HUGE, null)));
		}
	}

	@Test
	void everyCallAnswersServiceUnavailableWithinTheReadDeadlineWhileRedisIsAway(RedisServer redis) {
		assumeThat(redis.supportsRestart()).isTrue();
		redis.stop();
		List<Supplier<WebEndpointResponse<Object>>> calls = List.of(this.endpoint::queues,
				() -> this.endpoint.queue("orders"), () -> this.endpoint.act("orders", "pause", null, null, null),
				() -> this.endpoint.act("orders", "cancel", null, null, "some-id"),
				() -> this.endpoint.remove("orders", true));
		for (Supplier<WebEndpointResponse<Object>> call : calls) {
			long started = System.nanoTime();
			QueueProblem problem = problem(503, call);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
			assertThat(problem.detail())
				.isEqualTo("Redis did not answer within PT0.3S (cleo.request-timeout); try again once it is back");
		}
	}

	@Test
	void problemsCarryTheRfc9457MembersAndContentType() {
		WebEndpointResponse<Object> response = this.endpoint.queue("ghost");
		assertThat(response.getContentType()).hasToString("application/problem+json");
		QueueProblem problem = (QueueProblem) response.getBody();
		assertThat(problem.type()).isEqualTo("about:blank");
		assertThat(problem.title()).isEqualTo("Not Found");
		assertThat(problem.status()).isEqualTo(404);
	}

	private QueuesEndpoint endpoint(WriteAccess writes) {
		return new QueuesEndpoint(this.manager, this.application, this.reads, writes);
	}

	private String completedTask() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").concurrency(1).build());
		String id = this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("orders")).id();
		await().until(() -> this.manager.task("orders", id).orElseThrow().state() == TaskState.COMPLETED);
		return id;
	}

	private static QueueProblem problem(int status, Supplier<WebEndpointResponse<Object>> call) {
		WebEndpointResponse<Object> response = call.get();
		assertThat(response.getStatus()).as("%s", response.getBody()).isEqualTo(status);
		assertThat(response.getBody()).isInstanceOf(QueueProblem.class);
		QueueProblem problem = (QueueProblem) response.getBody();
		assertThat(problem.status()).isEqualTo(status);
		return problem;
	}

	private static void assertBounded(QueueProblem problem) {
		assertThat(problem.detail()).hasSizeLessThan(400)
			.doesNotContain("\n", "\r", "Exception", "dev.cleo", "java.")
			.doesNotContainPattern("\\p{Cntrl}");
	}

}
