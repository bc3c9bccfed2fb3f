/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.cleo.queue.GroupInfo;
import dev.cleo.queue.GroupOrder;
import dev.cleo.queue.GroupOverflow;
import dev.cleo.queue.GroupProcessingStrategy;
import dev.cleo.queue.GroupRateLimit;
import dev.cleo.queue.GroupStats;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.UnrecoverableTaskException;
import dev.cleo.queue.autoconfigure.actuate.QueuesEndpoint.QueueDescriptor;
import dev.cleo.queue.autoconfigure.actuate.QueuesEndpoint.QueuesDescriptor;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code queues} endpoint against a real Redis: what it reads, and its write
 * operations, refused unless switched on.
 */
@RedisTest
class QueuesEndpointTests {

	private QueueManager manager;

	private CleoActuatorProperties properties;

	private QueuesEndpoint endpoint;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).workerId("node-1").build();
		this.manager.register("fail", (task) -> {
			throw new UnrecoverableTaskException("broken on purpose");
		});
		this.manager.register("echo", (task) -> task.payload(String.class));
		this.properties = new CleoActuatorProperties();
		this.endpoint = new QueuesEndpoint(this.manager, this.properties);
	}

	@AfterEach
	void tearDown() {
		this.manager.close();
	}

	@Test
	void writeOperationsAreRefusedByDefault() {
		WebEndpointResponse<QueueActionResult> response = this.endpoint.act("orders", "pause", null, null);
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getBody().done()).isFalse();
		assertThat(response.getBody().message()).contains("cleo.actuator.write-operations.enabled=true");
	}

	@Test
	void unknownActionIsABadRequest() {
		this.properties.getWriteOperations().setEnabled(true);
		WebEndpointResponse<QueueActionResult> response = this.endpoint.act("orders", "explode", null, null);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getBody().message()).contains("Unknown action 'explode'");
	}

	@Test
	void retryDeadLettersRunsThemAgainWhenEnabled() {
		oneDeadTaskIn("orders");
		this.properties.getWriteOperations().setEnabled(true);
		WebEndpointResponse<QueueActionResult> response = this.endpoint.act("orders", "retry-dead-letters", 10, null);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getBody().affected()).isEqualTo(1);
		assertThat(this.manager.counts("orders").dead()).isZero();
		assertThat(this.manager.counts("orders").waiting()).isOne();
	}

	@Test
	void retryDeadLettersIsRefusedWhenDisabled() {
		oneDeadTaskIn("orders");
		assertThat(this.endpoint.act("orders", "retry-dead-letters", 10, null).getStatus()).isEqualTo(403);
		assertThat(this.manager.counts("orders").dead()).isOne();
	}

	@Test
	void readListsQueuesWithCountsWorkersAndInstances() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").concurrency(2).build());
		this.manager.enqueue("echo", "hi",
				TaskOptions.defaults().queue("reports").delay(java.time.Duration.ofHours(1)));
		await().untilAsserted(() -> {
			QueuesDescriptor all = this.endpoint.queues();
			assertThat(all.queues()).extracting(QueueDescriptor::name).contains("orders", "reports");
			assertThat(all.instances()).contains("node-1");
		});
		QueueDescriptor reports = this.endpoint.queue("reports");
		assertThat(reports.counts().delayed()).isOne();
		assertThat(reports.paused()).isFalse();
		QueueDescriptor orders = this.endpoint.queue("orders");
		assertThat(orders.workers()).singleElement()
			.satisfies((worker) -> assertThat(worker.concurrency()).isEqualTo(2));
	}

	@Test
	void detailShowsTheGroupSettings() {
		this.manager.setGroupProcessingStrategy("orders", GroupProcessingStrategy.FIFO);
		this.manager.setGroupConcurrency("orders", 2);
		this.manager.setGroupOrder("orders", GroupOrder.LIFO);
		this.manager.setGroupMaxSize("orders", 50);
		this.manager.setGroupOverflow("orders", GroupOverflow.DROP_OLDEST);
		this.manager.setGroupRateLimit("orders", GroupRateLimit.of(5, Duration.ofSeconds(1)));
		this.manager.setGroupHeldForRetries("orders", false);
		this.manager.pauseGroup("orders", "vip");
		this.manager.enqueue("echo", "hi", TaskOptions.defaults().queue("orders").group("vip"));

		QueuesEndpoint.GroupsDescriptor groups = this.endpoint.queue("orders").groups();
		assertThat(groups.strategy()).isEqualTo(GroupProcessingStrategy.FIFO);
		assertThat(groups.concurrency()).isEqualTo(2);
		assertThat(groups.order()).isEqualTo(GroupOrder.LIFO);
		assertThat(groups.maxSize()).isEqualTo(50);
		assertThat(groups.overflow()).isEqualTo(GroupOverflow.DROP_OLDEST);
		assertThat(groups.rateLimit()).isEqualTo(GroupRateLimit.of(5, Duration.ofSeconds(1)));
		assertThat(groups.heldForRetries()).isFalse();
		assertThat(groups.listed()).containsExactly(new GroupInfo("vip", 1, 0, true, false, 0));
	}

	@Test
	void detailShowsTheStatsOfTheListedGroups() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("t").queue("orders").concurrency(2).build());
		this.manager.enqueue("echo", "hi", TaskOptions.defaults().queue("orders").group("vip"));
		this.manager.enqueue("fail", "hi", TaskOptions.defaults().queue("orders").group("vip"));
		await().until(() -> this.manager.groupStats("orders", "vip").endedAttempts() == 2);
		// A paused group is listed even with nothing waiting or running.
		this.manager.pauseGroup("orders", "vip");

		QueuesEndpoint.GroupsDescriptor groups = this.endpoint.queue("orders").groups();
		assertThat(groups.listed()).extracting(GroupInfo::name).containsExactly("vip");
		assertThat(groups.stats()).containsOnlyKeys("vip");
		GroupStats vip = groups.stats().get("vip");
		assertThat(vip.completed()).isOne();
		assertThat(vip.failedAttempts()).isOne();
		assertThat(vip.dead()).isOne();
		assertThat(vip.completedPerMinute()).isPositive();
	}

	@Test
	void detailShowsTheDeadLetterSize() {
		oneDeadTaskIn("orders");
		assertThat(this.endpoint.queue("orders").deadLetters()).isOne();
	}

	@Test
	void pauseAndResumeWhenEnabled() {
		this.properties.getWriteOperations().setEnabled(true);
		assertThat(this.endpoint.act("orders", "pause", null, null).getStatus()).isEqualTo(200);
		assertThat(this.manager.isPaused("orders")).isTrue();
		assertThat(this.endpoint.queue("orders").paused()).isTrue();
		assertThat(this.endpoint.act("orders", "resume", null, null).getStatus()).isEqualTo(200);
		assertThat(this.manager.isPaused("orders")).isFalse();
	}

	@Test
	void pauseIsRefusedWhenDisabled() {
		assertThat(this.endpoint.act("orders", "pause", null, null).getStatus()).isEqualTo(403);
		assertThat(this.manager.isPaused("orders")).isFalse();
	}

	@Test
	void purgeDeadLettersWhenEnabled() {
		oneDeadTaskIn("orders");
		this.properties.getWriteOperations().setEnabled(true);
		WebEndpointResponse<QueueActionResult> response = this.endpoint.act("orders", "purge-dead-letters", null, null);
		assertThat(response.getBody().affected()).isOne();
		assertThat(this.manager.counts("orders").dead()).isZero();
	}

	private void oneDeadTaskIn(String queue) {
		WorkerPool pool = this.manager
			.startWorkers(WorkerPoolOptions.builder().name("t").queue(queue).concurrency(2).build());
		this.manager.enqueue("fail", "x", TaskOptions.defaults().queue(queue).maxAttempts(1));
		await().until(() -> this.manager.counts(queue).dead() == 1);
		pool.stop();
		assertThat(this.manager.deadLetters(queue).list(0, 10)).extracting((task) -> task.lastError())
			.isEqualTo(List.of("broken on purpose"));
	}

}
