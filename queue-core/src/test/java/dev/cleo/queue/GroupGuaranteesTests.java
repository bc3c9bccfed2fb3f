/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.cleo.queue.GroupRecorder.Step;
import dev.cleo.queue.SlotProbe.Job;
import dev.cleo.queue.group.GroupInfo;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.Repeated;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The guarantees of task groups (issue 4), on a real redis-server with several instances
 * and worker JVMs that are killed or frozen for real:
 * <ul>
 * <li><b>Order.</b> With group concurrency 1 (the default) a group runs one task at a
 * time, across every pool and instance, and its tasks run and complete in enqueue order;
 * a task waiting for its retry holds its group until it ends. A queue that lets groups
 * move on past retries runs the group's next task while the retry waits.</li>
 * <li><b>Fairness.</b> A flood of 100,000 tasks in one group, enqueued first, does not
 * hold up 50 small groups: with ROUND_ROBIN (the default) they all finish while the flood
 * runs at most one task for each of theirs, and the small groups take turns; with
 * PRIORITY higher groups run first, equal ones take turns, and the flood waits.</li>
 * <li><b>No lost slots.</b> A worker killed with {@code SIGKILL} while it holds a group's
 * only slot does not block the group: once its lease expires another worker runs the task
 * and the rest of the group.</li>
 * <li><b>No slot handed out twice.</b> While leases expire under running handlers (a
 * worker frozen with {@code SIGSTOP}, a worker whose heartbeats cannot keep its leases),
 * a group never has more handlers <em>holding a lease</em> than its concurrency. That is
 * what Cleo can promise: a lease-based queue cannot stop a frozen or slow process, so the
 * handler of an expired lease may still run beside the task's next attempt. It holds no
 * slot, though, and is fenced: its outcome is ignored. {@link SlotProbe} counts both, the
 * live handlers (checked against the limit) and the stale ones (shown to have really
 * overlapped, so the check was put to the test).</li>
 * </ul>
 * Each test is {@link Repeated}: {@code -Dcleo.test.repeat=50} runs each fifty times.
 */
@QueueManagerTest
class GroupGuaranteesTests {

	private static final String QUEUE = "guarded";

	private static final String TASK = "step";

	private static final String FLOOD = "flood";

	/** How many tasks of each group the order tests enqueue at a time. */
	private static final int STEPS_PER_BATCH = 5;

	/** The worker slots of the fairness tests' pool. */
	private static final int SLOTS = 4;

	private final List<ChildJvm> children = new ArrayList<>();

	private final GroupRecorder recorder = new GroupRecorder();

	private RedisServer redis;

	private QueueManagers managers;

	@BeforeEach
	void setUp(RedisServer redis, QueueManagers managers) {
		this.redis = redis;
		this.managers = managers;
	}

	@AfterEach
	void tearDown() throws Exception {
		for (ChildJvm child : this.children) {
			child.close();
		}
	}

	@Repeated
	void eachGroupRunsOneTaskAtATimeInEnqueueOrderAcrossRetriesPoolsAndInstances() {
		List<Step> steps = runTenThousandStepsWithRetries(true);

		for (String group : groupsOf(steps)) {
			List<String> attempts = new ArrayList<>();
			for (Step step : stepsOf(steps, group)) {
				// a retried task holds its group: its attempts come one after the other
				IntStream.rangeClosed(1, step.failures() + 1).forEach((n) -> attempts.add(step.index() + "#" + n));
			}
			assertThat(this.recorder.starts(group)).as("attempts of %s", group).containsExactlyElementsOf(attempts);
			assertThat(this.recorder.completions(group)).as("completions of %s", group)
				.containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
		}
	}

	@Repeated
	void aGroupMovesOnPastATaskWaitingForItsRetryWhenTheQueueLetsIt() {
		List<Step> steps = runTenThousandStepsWithRetries(false);

		int passedRetries = 0;
		for (String group : groupsOf(steps)) {
			List<String> starts = this.recorder.starts(group);
			assertThat(starts.stream().filter((attempt) -> attempt.endsWith("#1")).map(GroupGuaranteesTests::index))
				.as("first attempts of %s", group)
				.isSorted()
				.hasSize(100);
			for (Step step : stepsOf(steps, group)) {
				if (step.failures() > 0 && step.index() % STEPS_PER_BATCH < STEPS_PER_BATCH - 1) {
					// the next task, enqueued with it, ran after it failed and before its
					// retry
					assertThat(starts.indexOf((step.index() + 1) + "#1")).as("%s %s", group, starts)
						.isGreaterThan(starts.indexOf(step.index() + "#1"))
						.isLessThan(starts.indexOf(step.index() + "#2"));
					passedRetries++;
				}
			}
			assertThat(this.recorder.completions(group)).as("completions of %s", group)
				.containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).boxed().toList());
		}
		assertThat(passedRetries).isPositive();
	}

	/**
	 * Two tasks of a group of concurrency 2 fail at once: both hold the group
	 * ({@code gblocked} counts the holds) until both retries came due, and each goes back
	 * to its place, so both run again before the group's later tasks. When the group held
	 * one task id, the second failure overwrote the first one's hold, and that retry ran
	 * after the group's later tasks.
	 */
	@Repeated
	void everyTaskWaitingForItsRetryHoldsItsGroupAlsoAtGroupConcurrencyTwo() {
		QueueManager manager = manager("pair");
		manager.groups(QUEUE).setConcurrency(2);
		TaskOptions options = TaskOptions.defaults()
			.queue(QUEUE)
			.group("pair")
			.maxAttempts(2)
			.backoff(Backoff.fixed(Duration.ofSeconds(1)));
		// steps 0 and 1 start together and both fail once
		manager.enqueueAll(IntStream.range(0, 6)
			.mapToObj((i) -> TaskRequest.of(TASK, new Step("pair", i, (i < 2) ? 1 : 0), options))
			.toList());
		manager.register(TASK, this.recorder.handler());
		manager.startWorkers(pool("pair").concurrency(2).build());

		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completions("pair").size() == 6);
		List<String> starts = this.recorder.starts("pair");
		assertThat(starts.indexOf("0#2")).as("%s", starts).isLessThan(starts.indexOf("2#1"));
		assertThat(starts.indexOf("1#2")).as("%s", starts).isLessThan(starts.indexOf("2#1"));
	}

	/**
	 * 100 groups of 100 steps; about one step in eight fails its first attempt, and some
	 * their second too, with a 20 ms backoff. Three pools on two instances run them while
	 * they are enqueued, {@value #STEPS_PER_BATCH} steps per group at a time, so groups
	 * run dry and are refilled while a step of theirs runs, the moment a group's limit
	 * must hold; every group must have run one step at a time throughout.
	 */
	private List<Step> runTenThousandStepsWithRetries(boolean groupHeldForRetries) {
		QueueManager first = manager("first");
		QueueManager second = manager("second");
		first.groups(QUEUE).setHeldForRetries(groupHeldForRetries);
		first.register(TASK, this.recorder.handler());
		second.register(TASK, this.recorder.handler());
		first.startWorkers(pool("first-a").concurrency(4).build());
		first.startWorkers(pool("first-b").concurrency(4).build());
		second.startWorkers(pool("second").concurrency(4).build());
		long seed = System.nanoTime();
		System.out.println("failure plan seed " + seed);
		SplittableRandom random = new SplittableRandom(seed);
		TaskOptions options = TaskOptions.defaults()
			.queue(QUEUE)
			.maxAttempts(3)
			.backoff(Backoff.fixed(Duration.ofMillis(20)));
		List<Step> steps = new ArrayList<>();
		int batch = STEPS_PER_BATCH * 100;
		for (int sent = 0; sent < 10_000; sent += batch) {
			List<TaskRequest> requests = new ArrayList<>();
			for (int i = sent; i < sent + batch; i++) {
				int roll = random.nextInt(100);
				Step step = new Step("customer-" + (i % 100), i / 100, (roll < 3) ? 2 : (roll < 12) ? 1 : 0);
				steps.add(step);
				requests.add(TaskRequest.of(TASK, step, options.group(step.group())));
			}
			// about one step per group still to run: most groups are out of line, so a
			// group refilled while its step runs comes up again at once
			awaitCompleted(this.recorder::completed, sent - 100);
			first.enqueueAll(requests);
		}

		awaitCompleted(this.recorder::completed, 10_000);
		assertThat(this.recorder.mostAtOnce()).hasSize(100).allSatisfy((group, most) -> assertThat(most).isOne());
		assertThat(this.recorder.pools()).containsExactlyInAnyOrder("first-a", "first-b", "second");
		return steps;
	}

	/** Waits until {@code completed} reaches {@code count}: paces the producers. */
	private static void awaitCompleted(IntSupplier completed, int count) {
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> completed.getAsInt() >= count);
	}

	@Repeated
	void roundRobinLetsFiftySmallGroupsFinishWhileAFloodEnqueuedFirstRunsFewOfItsTasks() {
		List<String> order = runFloodThenFiftySmallGroups(manager("fair"), (i) -> "small-" + i);

		long floodRan = TurnLog.count(order, FLOOD);
		System.out.println("round robin: the flood ran " + floodRan + " tasks while the small groups ran 500");
		// Fair turns give the flood at most one task for each small group's task: 500.
		// The margin is the 4 tasks in flight on the pool's 4 slots as the last small
		// one ends. (Turn by turn it gets one task per round of 51 groups: about 10.)
		assertThat(floodRan).isLessThanOrEqualTo(500 + SLOTS);
		assertThat(TurnLog.widestSpread(order, "small-", 50)).isLessThanOrEqualTo(2);
	}

	@Repeated
	void priorityRunsHigherGroupsFirstLetsEqualOnesTakeTurnsAndKeepsTheFloodWaiting() {
		QueueManager manager = manager("fair");
		manager.groups(QUEUE).setStrategy(GroupProcessingStrategy.PRIORITY);
		for (int i = 0; i < 25; i++) {
			manager.groups(QUEUE).group("high-" + i).setPriority(10);
			manager.groups(QUEUE).group("mid-" + i).setPriority(5);
		}
		List<String> order = runFloodThenFiftySmallGroups(manager, (i) -> ((i % 2 == 0) ? "mid-" : "high-") + i / 2);

		System.out
			.println("priority: the flood ran " + TurnLog.count(order, FLOOD) + " tasks while the others ran 500");
		// A lower tier starts only when the tier above has nothing left to start; the
		// handlers may record up to the 4 tasks in flight out of claim order.
		assertThat(TurnLog.startedAfterFirst(order, "mid-", "high-")).isLessThanOrEqualTo(SLOTS);
		assertThat(TurnLog.startedAfterFirst(order, FLOOD, "mid-")).isLessThanOrEqualTo(SLOTS);
		assertThat(TurnLog.count(order.subList(0, 250), FLOOD)).isZero();
		assertThat(TurnLog.widestSpread(order, "high-", 25)).isLessThanOrEqualTo(2);
		assertThat(TurnLog.widestSpread(order, "mid-", 25)).isLessThanOrEqualTo(2);
	}

	/**
	 * Enqueues the flood, 100,000 tasks, and then 10 tasks for each of 50 small groups,
	 * one group after another, runs them on one pool of 4 until the small groups are
	 * done, and returns the order the tasks started in until then. The group concurrency
	 * is 10, so no group is held back by its own limit (a small group has 10 tasks) and
	 * the flood could take every slot: only the strategy stands between it and the small
	 * groups.
	 */
	private List<String> runFloodThenFiftySmallGroups(QueueManager manager, IntFunction<String> smallGroup) {
		manager.groups(QUEUE).setConcurrency(10);
		TaskOptions options = TaskOptions.defaults().queue(QUEUE);
		List<TaskRequest> flood = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			flood.add(TaskRequest.of(TASK, FLOOD, options.group(FLOOD)));
			if (flood.size() == 10_000) {
				manager.enqueueAll(flood);
				flood.clear();
			}
		}
		List<TaskRequest> small = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String group = smallGroup.apply(i);
			for (int n = 0; n < 10; n++) {
				small.add(TaskRequest.of(TASK, group, options.group(group)));
			}
		}
		manager.enqueueAll(small);
		TurnLog log = new TurnLog(FLOOD, 500);
		manager.register(TASK, log.handler());
		manager.startWorkers(pool("fair").concurrency(SLOTS).build());
		await().atMost(Duration.ofSeconds(120)).until(() -> log.whenSmallGroupsDone() != null);
		return log.whenSmallGroupsDone();
	}

	@Repeated
	void aGroupWhoseOnlySlotDiedWithAKilledWorkerRunsOnElsewhereOnceTheLeaseExpires() throws Exception {
		QueueManager survivor = manager("survivor");
		TaskOptions options = TaskOptions.defaults().queue(QUEUE).maxAttempts(3).backoff(Backoff.fixed(Duration.ZERO));
		List<TaskRequest> held = IntStream.range(0, 5)
			.mapToObj((i) -> TaskRequest.of(TASK, new Step("held", i, 0), options.group("held")))
			.toList();
		String firstId = survivor.enqueueAll(held).get(0).id();
		ChildJvm child = child(CrashingWorkerMain.class, this.redis.uri(), QUEUE, TASK, "test:crash:started", "1");
		try (RedisClient client = this.redis.newClient();
				StatefulRedisConnection<String, String> connection = client.connect()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> connection.sync().llen("test:crash:started") == 1);
			assertThat(connection.sync().lindex("test:crash:started", 0)).startsWith(firstId + ":1:crashing-worker:");
		}
		assertThat(survivor.groups(QUEUE).list(10)).containsExactly(new GroupInfo("held", 4, 1, false, false, 0));

		// While the child holds the group's slot, the survivor runs other groups but
		// nothing of this one.
		survivor.register(TASK, this.recorder.handler());
		survivor.startWorkers(pool("survivor").concurrency(4)
			.lease(Duration.ofSeconds(1))
			.reaperInterval(Duration.ofMillis(100))
			.build());
		survivor.enqueueAll(IntStream.range(0, 5)
			.mapToObj((i) -> TaskRequest.of(TASK, new Step("other", i, 0), options.group("other")))
			.toList());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completions("other").size() == 5);
		assertThat(this.recorder.starts("held")).isEmpty();

		assertThat(child.kill()).isEqualTo(137);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completions("held").size() == 5);
		assertThat(this.recorder.starts("held")).containsExactly("0#2", "1#1", "2#1", "3#1", "4#1");
		assertThat(this.recorder.mostAtOnce()).containsEntry("held", 1);
		assertThat(survivor.task(QUEUE, firstId).orElseThrow().lastError())
			.startsWith("Lease expired: worker crashing-worker:" + child.pid());
		// nothing left behind: no slot in use, no group held
		await().atMost(Duration.ofSeconds(10)).until(() -> survivor.groups(QUEUE).list(10).isEmpty());
	}

	@Repeated
	void aGroupOfConcurrencyOneNeverHasTwoLiveHandlersWhileLeasesExpireUnderThem() throws Exception {
		liveHandlersStayWithinTheGroupConcurrencyWhileLeasesExpire(1);
	}

	@Repeated
	void aGroupOfConcurrencyThreeNeverHasFourLiveHandlersWhileLeasesExpireUnderThem() throws Exception {
		liveHandlersStayWithinTheGroupConcurrencyWhileLeasesExpire(3);
	}

	/**
	 * Three kinds of worker run 6 groups of 60 probed tasks, all with a 300 ms lease: a
	 * child JVM, frozen mid-task with {@code SIGSTOP} until its tasks were reaped and run
	 * again elsewhere, then thawed to finish its stale attempts; a "lagging" worker whose
	 * clock is a second behind, so every deadline its heartbeat sets has already passed
	 * for the others and any task it runs longer than a reaper interval is taken from it;
	 * and a "steady" one that reaps every 25 ms. The child starts alone on 20 tasks per
	 * group; after the freeze the others are enqueued 5 per group at a time, so groups
	 * are refilled while their tasks run.
	 */
	private void liveHandlersStayWithinTheGroupConcurrencyWhileLeasesExpire(int limit) throws Exception {
		QueueManager steady = manager("steady");
		steady.groups(QUEUE).setConcurrency(limit);
		SlotProbe probe = new SlotProbe(this.redis.uri(), limit);
		ChildJvm child = child(ProbedWorkerMain.class, this.redis.uri(), QUEUE, TASK, "frozen", "3", "300",
				Integer.toString(limit));
		try (probe;
				RedisClient client = this.redis.newClient();
				StatefulRedisConnection<String, String> connection = client.connect()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> connection.sync().exists("probe:ready:frozen") == 1);
			List<String> ids = new ArrayList<>(enqueueJobs(steady, 0, 120));

			// The child alone runs tasks until it is frozen holding some; once the others
			// start, they reap its leases and run those tasks again beside its handlers.
			Set<String> frozen = freezeWhileRunning(child, probe);
			QueueManager lagging = this.managers
				.build((builder) -> builder.clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-1)))
					.workerId("lagging"));
			steady.register(TASK, probe.handler("steady"));
			lagging.register(TASK, probe.handler("lagging"));
			WorkerPoolOptions.Builder pool = pool("steady").concurrency(6).lease(Duration.ofMillis(300));
			steady.startWorkers(pool.reaperInterval(Duration.ofMillis(25)).build());
			lagging.startWorkers(pool.name("lagging").concurrency(3).build());
			await().atMost(Duration.ofSeconds(30)).until(() -> probe.overlapped().containsAll(frozen));
			child.thaw();
			for (int sent = 120; sent < 360; sent += 30) {
				awaitCompleted(() -> (int) steady.counts(QUEUE).finished(), sent - 30);
				ids.addAll(enqueueJobs(steady, sent, 30));
			}

			awaitCompleted(() -> (int) steady.counts(QUEUE).finished(), 360);
			System.out.printf(
					"group concurrency %d: most live %s, most running with stale ones %s, "
							+ "%d stale handlers overlapped fresh ones, %d were fenced%n",
					limit, probe.mostLive(), probe.mostRaw(), probe.overlapped().size(), probe.fenced().size());
			assertThat(probe.violations()).isEmpty();
			assertThat(probe.mostLive()).hasSize(6).allSatisfy((group, most) -> assertThat(most).isBetween(1, limit));
			// the race was real: the frozen handlers ran on beside their tasks' next
			// attempts, and returned to find their leases gone
			await().atMost(Duration.ofSeconds(30)).until(() -> probe.fenced().containsAll(frozen));
			for (String id : ids) {
				TaskInfo task = steady.task(QUEUE, id).orElseThrow();
				// a stale attempt's result never wins over the attempt that held the
				// lease
				assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
				assertThat(task.resultJson()).as("result of %s", id).isEqualTo(Integer.toString(task.attempts()));
			}
			assertThat(steady.groups(QUEUE).list(10)).isEmpty();
		}
	}

	/** Enqueues probed jobs {@code from} to {@code from + count - 1} over 6 groups. */
	private static List<String> enqueueJobs(QueueManager manager, int from, int count) {
		TaskOptions options = TaskOptions.defaults().queue(QUEUE).maxAttempts(50).backoff(Backoff.fixed(Duration.ZERO));
		List<TaskRequest> requests = IntStream.range(from, from + count)
			.mapToObj((i) -> TaskRequest.of(TASK, new Job("g" + (i % 6), i / 6), options.group("g" + (i % 6))))
			.toList();
		return manager.enqueueAll(requests).stream().map(TaskHandle::id).toList();
	}

	/**
	 * Freezes the child at a moment it runs probed handlers, and returns their entries. A
	 * child that happens to be between tasks is thawed and tried again.
	 */
	private Set<String> freezeWhileRunning(ChildJvm child, SlotProbe probe) {
		List<Set<String>> held = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> {
				child.freeze();
				Set<String> running = probe.runningOn("frozen");
				if (running.isEmpty()) {
					child.thaw();
					return false;
				}
				held.add(running);
				return true;
			});
		return held.get(0);
	}

	private static List<String> groupsOf(List<Step> steps) {
		return steps.stream().map(Step::group).distinct().toList();
	}

	private static List<Step> stepsOf(List<Step> steps, String group) {
		return steps.stream().filter((step) -> step.group().equals(group)).toList();
	}

	private static int index(String attempt) {
		return Integer.parseInt(attempt.substring(0, attempt.indexOf('#')));
	}

	private static WorkerPoolOptions.Builder pool(String name) {
		return WorkerPoolOptions.builder().name(name).queue(QUEUE);
	}

	private QueueManager manager(String workerId) {
		return this.managers.build((builder) -> builder.workerId(workerId));
	}

	private ChildJvm child(Class<?> main, String... args) throws Exception {
		ChildJvm child = ChildJvm.start(main, args);
		this.children.add(child);
		return child;
	}

}
