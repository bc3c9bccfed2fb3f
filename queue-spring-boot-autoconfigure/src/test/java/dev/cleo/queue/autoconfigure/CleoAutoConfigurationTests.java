/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.cleo.queue.Backoff;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPoolOptions;
import dev.cleo.queue.worker.WorkerPoolOptions.QueueSelection;
import dev.cleo.queue.worker.WorkerThreads;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CleoAutoConfiguration} scenarios against a real Redis.
 */
@RedisTest
class CleoAutoConfigurationTests {

	private ApplicationContextRunner runner;

	private RedisServer redis;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.redis = redis;
		this.runner = CleoRunners.cleo(redis);
	}

	@Test
	void queueManagerRunsOnTheRedisSpringBootIsConfiguredFor() {
		this.runner.withPropertyValues("cleo.key-prefix=boot").run((context) -> {
			QueueManager manager = context.getBean(QueueManager.class);
			TaskHandle<Object> handle = manager.enqueue("probe", "hello");
			assertThat(handle.info()).isPresent();
			try (RedisClient client = this.redis.newClient();
					StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().keys("boot:*")).isNotEmpty();
			}
		});
	}

	@Test
	void anApplicationsOwnClockIsNotCleos() {
		Instant fixed = Instant.parse("2000-01-01T00:00:00Z");
		this.runner.withBean(Clock.class, () -> Clock.fixed(fixed, ZoneOffset.UTC)).run((context) -> {
			assertThat(context).getBeans(Clock.class).hasSize(1);
			TaskInfo info = context.getBean(QueueManager.class).enqueue("probe", "hello").info().orElseThrow();
			assertThat(info.createdAt()).isAfter(Instant.now().minusSeconds(60));
		});
	}

	@Test
	void aBuilderCustomizerSetsCleosClock() {
		Instant fixed = Instant.parse("2000-01-01T00:00:00Z");
		QueueManagerBuilderCustomizer customizer = (builder) -> builder.clock(Clock.fixed(fixed, ZoneOffset.UTC));
		this.runner.withBean(QueueManagerBuilderCustomizer.class, () -> customizer).run((context) -> {
			TaskInfo info = context.getBean(QueueManager.class).enqueue("probe", "hello").info().orElseThrow();
			assertThat(info.createdAt()).isEqualTo(fixed);
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void closingTheContextClosesEachConnectionOnce(CapturedOutput output) {
		// Spring's connection factory shuts its client down when the context stops,
		// before
		// the manager is destroyed: the manager must not close those connections again.
		this.runner.withPropertyValues("cleo.worker.shutdown-timeout=1s")
			.withBean(ReportService.class)
			.run((context) -> {
				QueueManager manager = context.getBean(QueueManager.class);
				manager.register("echo", (task) -> task.payload(String.class));
				TaskHandle<Object> handle = manager.enqueue("echo", "hi", TaskOptions.defaults().queue("reports"));
				assertThat(handle.completion().get(10, TimeUnit.SECONDS)).isEqualTo("hi");
			});

		assertThat(output).contains("Worker pool 'reports' stopped").doesNotContain("Connection is already closed");
	}

	@Test
	void groupSettingsOfEachQueueAreWrittenToRedisAtStart() {
		this.runner.withPropertyValues("cleo.key-prefix=grp", "cleo.worker.enabled=false",
				"cleo.queues.orders.groups.strategy=priority", "cleo.queues.orders.groups.concurrency=3",
				"cleo.queues.orders.groups.priorities.vip=50", "cleo.queues.orders.groups.hold-for-retries=false",
				"cleo.queues.orders.groups.order=lifo", "cleo.queues.orders.groups.max-size=100",
				"cleo.queues.orders.groups.overflow=drop-oldest", "cleo.queues.orders.groups.rate-limit.tasks=10",
				"cleo.queues.orders.groups.rate-limit.period=1s", "cleo.queues.orders.groups.overrides.vip.max-size=0",
				"cleo.queues.orders.groups.overrides.vip.rate-limit.tasks=100",
				"cleo.queues.orders.groups.overrides.vip.rate-limit.period=500ms")
			.run((context) -> {
				QueueManager manager = context.getBean(QueueManager.class);
				assertThat(manager.groups("orders").strategy()).isEqualTo(GroupProcessingStrategy.PRIORITY);
				assertThat(manager.groups("orders").concurrency()).isEqualTo(3);
				assertThat(manager.groups("orders").order()).isEqualTo(GroupOrder.LIFO);
				assertThat(manager.groups("orders").group("any").rateLimit())
					.isEqualTo(GroupRateLimit.of(10, Duration.ofSeconds(1)));
				assertThat(manager.groups("orders").group("vip").rateLimit())
					.isEqualTo(GroupRateLimit.of(100, Duration.ofMillis(500)));
				try (RedisClient client = this.redis.newClient();
						StatefulRedisConnection<String, String> connection = client.connect()) {
					assertThat(connection.sync().hget("grp:{orders}:gconf", "priority:vip")).isEqualTo("50");
					assertThat(connection.sync().hget("grp:{orders}:gconf", "retry-holds")).isEqualTo("0");
					assertThat(connection.sync().hget("grp:{orders}:gconf", "max-size")).isEqualTo("100");
					assertThat(connection.sync().hget("grp:{orders}:gconf", "max-size:vip")).isEqualTo("0");
					assertThat(connection.sync().hget("grp:{orders}:gconf", "overflow")).isEqualTo("DROP_OLDEST");
				}
			});
	}

	@Test
	void aGroupRateLimitWithoutItsPeriodFailsTheStartNamingTheProperty() {
		this.runner
			.withPropertyValues("cleo.worker.enabled=false",
					"cleo.queues.orders.groups.overrides.eu.rate-limit.tasks=5")
			.run((context) -> assertThat(context.getStartupFailure()).isNotNull()
				.hasStackTraceContaining("cleo.queues.orders.groups.overrides.eu.rate-limit")
				.hasStackTraceContaining("needs both tasks and period"));
	}

	@Test
	void groupSettingOutOfRangeFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("cleo.worker.enabled=false", "cleo.queues.orders.groups.concurrency=0")
			.run((context) -> assertThat(context.getStartupFailure()).isNotNull()
				.hasStackTraceContaining("cleo.queues.orders.groups.concurrency")
				.hasStackTraceContaining("between 1 and 10000"));
	}

	@Test
	void meteredGroupsPastTheLimitFailTheStartNamingThePropertyAndTheLimit() {
		String groups = IntStream.rangeClosed(0, CleoSettings.MAX_METERED_GROUPS)
			.mapToObj((i) -> "g" + i)
			.collect(Collectors.joining(","));
		this.runner
			.withPropertyValues("cleo.worker.enabled=false", "cleo.queues.orders.groups.metered-groups=" + groups)
			.run((context) -> assertThat(context.getStartupFailure()).isNotNull()
				.hasStackTraceContaining("cleo.queues.orders.groups.metered-groups names 101 groups")
				.hasStackTraceContaining("at most 100"));
	}

	@Test
	void queueManagerAuthenticatesAsTheAclUserSpringBootWasGiven() {
		try (RedisClient client = this.redis.newClient();
				StatefulRedisConnection<String, String> admin = client.connect()) {
			createAclUser(admin);
			asAclUser("s3cret").run((context) -> {
				context.getBean(QueueManager.class).enqueue("probe", "hello");
				String self = "id=" + admin.sync().clientId() + " ";
				// Every connection but this test's own is the application's, as cleo-app.
				assertThat(admin.sync().clientList().lines().filter((line) -> !line.startsWith(self))).isNotEmpty()
					.allSatisfy((line) -> assertThat(line).contains("user=cleo-app"));
				assertThat(admin.sync().aclLog()).isEmpty();
			});
		}
	}

	@Test
	void wrongAclPasswordFailsTheStartNamingTheCause() {
		try (RedisClient client = this.redis.newClient();
				StatefulRedisConnection<String, String> admin = client.connect()) {
			createAclUser(admin);
		}
		asAclUser("wrong").withPropertyValues("cleo.command-timeout=2s")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("WRONGPASS"));
	}

	private static void createAclUser(StatefulRedisConnection<String, String> admin) {
		admin.sync()
			.aclSetuser("cleo-app",
					AclSetuserArgs.Builder.on().addPassword("s3cret").allKeys().allChannels().allCommands());
	}

	/** A producer-only application that signs in to Redis as ACL user cleo-app. */
	private ApplicationContextRunner asAclUser(String password) {
		return CleoRunners.cleo()
			.withPropertyValues("spring.data.redis.host=" + this.redis.host(),
					"spring.data.redis.port=" + this.redis.port(), "spring.data.redis.username=cleo-app",
					"spring.data.redis.password=" + password, "cleo.worker.enabled=false");
	}

	@Test
	void userQueueManagerBacksOffOurs() {
		this.runner
			.withBean("userManager", QueueManager.class,
					() -> QueueManager.builder().redisUri(this.redis.uri()).build())
			.run((context) -> {
				assertThat(context).hasSingleBean(QueueManager.class);
				assertThat(context.getBean(QueueManager.class)).isSameAs(context.getBean("userManager"));
			});
	}

	@Test
	void disabledWorkerStartsNoPools() {
		this.runner.withPropertyValues("cleo.worker.enabled=false")
			.withBean(ReportService.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ManagedWorkerPool.class));
	}

	@Test
	void poolsStartForTaskQueuesHandlerBeansAndConfiguredQueues() {
		this.runner.withPropertyValues("cleo.queues.audit.concurrency=2")
			.withBean(ReportService.class)
			.withBean("send-email", TaskHandler.class, () -> (task) -> null)
			.run((context) -> {
				Map<String, ManagedWorkerPool> pools = context.getBeansOfType(ManagedWorkerPool.class);
				assertThat(pools.values()).extracting((pool) -> pool.options().name())
					.containsExactlyInAnyOrder("reports", "default", "audit");
				assertThat(pools.values()).allMatch(ManagedWorkerPool::isRunning);
				assertThat(context.getBean(QueueManager.class).registeredTasks()).contains("send-email",
						"ReportService.render", "monthly");
			});
	}

	@Test
	void perQueuePropertiesOverrideTheDefaults() {
		this.runner
			.withPropertyValues("cleo.defaults.retries=4", "cleo.defaults.priority=low", "cleo.defaults.timeout=1m",
					"cleo.queues.reports.priority=high", "cleo.queues.reports.backoff.type=fixed",
					"cleo.queues.reports.backoff.delay=2s", "cleo.queues.reports.ttl=10m",
					"cleo.queues.reports.concurrency=3", "cleo.queues.audit.weight=9", "cleo.worker.concurrency=7",
					"cleo.worker.pools.mixed.queues=audit,billing", "cleo.worker.pools.mixed.selection=weighted",
					"cleo.worker.lease=10s", "cleo.worker.threads=platform")
			.run((context) -> {
				CleoSettings settings = context.getBean(CleoSettings.class);
				TaskOptions reports = settings.taskOptions("reports");
				assertThat(reports.priority()).isEqualTo(10);
				assertThat(reports.maxAttempts()).isEqualTo(5);
				assertThat(reports.timeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(reports.ttl()).isEqualTo(Duration.ofMinutes(10));
				assertThat(reports.backoff()).isEqualTo(Backoff.fixed(Duration.ofSeconds(2)));
				TaskOptions other = settings.taskOptions("other");
				assertThat(other.priority()).isEqualTo(1);
				assertThat(other.backoff())
					.isEqualTo(Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2));
				Map<String, WorkerPoolOptions> pools = new WorkerPoolPlanner(settings, () -> Set.of("reports")).pools()
					.stream()
					.collect(Collectors.toMap(WorkerPoolOptions::name, (pool) -> pool));
				assertThat(pools).containsOnlyKeys("mixed", "reports");
				assertThat(pools.get("reports").concurrency()).isEqualTo(3);
				assertThat(pools.get("reports").lease()).isEqualTo(Duration.ofSeconds(10));
				assertThat(pools.get("reports").threads()).isEqualTo(WorkerThreads.PLATFORM);
				assertThat(pools.get("mixed").queues()).containsExactly(Map.entry("audit", 9), Map.entry("billing", 1));
				assertThat(pools.get("mixed").selection()).isEqualTo(QueueSelection.WEIGHTED);
				assertThat(pools.get("mixed").concurrency()).isEqualTo(7);
			});
	}

	@Test
	void unknownTaskGraceReachesEveryPool() {
		this.runner.withPropertyValues("cleo.worker.enabled=false", "cleo.worker.pools.mixed.queues=audit,billing")
			.run((context) -> assertThat(
					new WorkerPoolPlanner(context.getBean(CleoSettings.class), () -> Set.of("reports")).pools())
				.extracting(WorkerPoolOptions::unknownTaskGrace)
				.containsOnly(Duration.ofMinutes(10)));
		this.runner.withPropertyValues("cleo.worker.enabled=false", "cleo.worker.unknown-task-grace=0s")
			.run((context) -> assertThat(
					new WorkerPoolPlanner(context.getBean(CleoSettings.class), () -> Set.of("reports")).pools())
				.singleElement()
				.extracting(WorkerPoolOptions::unknownTaskGrace)
				.isEqualTo(Duration.ZERO));
	}

	@Test
	void springVirtualThreadsPropertyChoosesVirtualWorkers() {
		WorkerThreads expected = WorkerThreads.virtualThreadsAvailable() ? WorkerThreads.VIRTUAL
				: WorkerThreads.PLATFORM;
		this.runner.withPropertyValues("spring.threads.virtual.enabled=true", "cleo.worker.enabled=false")
			.run((context) -> assertThat(context.getBean(CleoSettings.class).threads()).isEqualTo(expected));
	}

	@Test
	void explicitWorkerThreadsWinOverSpringVirtualThreads() {
		this.runner
			.withPropertyValues("spring.threads.virtual.enabled=true", "cleo.worker.threads=auto",
					"cleo.worker.enabled=false")
			.run((context) -> assertThat(context.getBean(CleoSettings.class).threads()).isEqualTo(WorkerThreads.AUTO));
	}

	@QueueClass(queue = "reports")
	public static class ReportService {

		public void render(String name) {
		}

		@Task(id = "monthly")
		public void monthly(int month) {
		}

	}

}
