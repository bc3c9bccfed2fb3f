/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.Retention;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskListRequest;
import dev.cleo.queue.TaskPage;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.redis.AckResult;
import dev.cleo.queue.redis.ClaimBatch;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.EnqueueResult;
import dev.cleo.queue.redis.ExpiredLease;
import dev.cleo.queue.redis.Lease;
import dev.cleo.queue.redis.NewTask;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.TaskStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetcher's wake-up logic, driven step by step: the test decides when each claim
 * answers, so the race between a wake-up and a claim sent before it is reproduced
 * exactly. (Redis itself is covered by the other worker tests; here only the ordering of
 * signals and answers matters.)
 */
class FetcherWakeUpTests {

	private static final int SLOTS = 10;

	private final PendingClaims store = new PendingClaims();

	private final FetchSignals signals = new FetchSignals(SLOTS);

	private Fetcher fetcher;

	private Thread thread;

	@AfterEach
	void stop() throws InterruptedException {
		this.fetcher.stop();
		this.signals.stop();
		this.thread.join(5_000);
	}

	@Test
	void wakeUpThatArrivesWhileAnOlderClaimIsOutLeadsToAnotherClaim() throws InterruptedException {
		start();
		this.store.next().complete(full(SLOTS));
		this.signals.give(3);
		CompletableFuture<ClaimBatch> first = this.store.next();
		this.signals.give(2);
		CompletableFuture<ClaimBatch> second = this.store.next();
		first.complete(new ClaimBatch(List.of(), ClaimBatch.NOTHING_DELAYED));
		awaitIdleFetcher();
		second.complete(new ClaimBatch(List.of(), ClaimBatch.NOTHING_DELAYED));
		this.signals.signalWork();
		assertThat(this.store.claims.poll(2, TimeUnit.SECONDS))
			.as("a claim after the wake-up, not after the 30 s idle wait")
			.isNotNull();
	}

	@Test
	void claimLeasesNoMoreTasksThanFreeSlots() throws InterruptedException {
		start();
		this.store.next().complete(full(SLOTS));
		this.signals.give(2);
		assertThat(this.store.next()).isNotNull();
		assertThat(this.store.counts).containsExactly(SLOTS, 2);
	}

	@Test
	void shortClaimSendsNoOtherClaimBeforeTheNextDueTime() throws InterruptedException {
		start();
		long due = System.currentTimeMillis() + 1_000;
		this.store.next().complete(new ClaimBatch(full(1).tasks(), due));
		assertThat(this.store.claims.poll(500, TimeUnit.MILLISECONDS))
			.as("no claim while nothing is due: the slots a short claim gives back are no reason to claim")
			.isNull();
		assertThat(this.store.next()).isNotNull();
		assertThat(System.currentTimeMillis()).as("the claim at the due time").isGreaterThanOrEqualTo(due);
	}

	/** Answer any claim the fetcher still sends, empty, until it goes idle. */
	private void awaitIdleFetcher() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!this.signals.awaitIdleFetcher(50)) {
			assertThat(System.nanoTime()).as("fetcher idle after a short claim").isLessThan(deadline);
			CompletableFuture<ClaimBatch> extra = this.store.claims.poll();
			if (extra != null) {
				extra.complete(new ClaimBatch(List.of(), ClaimBatch.NOTHING_DELAYED));
			}
		}
	}

	private void start() {
		WorkerPoolOptions options = WorkerPoolOptions.builder()
			.queue("q")
			.concurrency(SLOTS)
			.idleWait(Duration.ofSeconds(30))
			.build();
		QueueClaimer claimer = new QueueClaimer(this.store, options, "worker", new SplittableRandom(1));
		this.fetcher = new Fetcher(claimer, this.signals, (task) -> {
		}, options, Clock.systemUTC());
		this.thread = new Thread(this.fetcher, "fetcher-under-test");
		this.thread.start();
	}

	private static ClaimBatch full(int tasks) {
		List<ClaimedTask> claimed = IntStream.range(0, tasks)
			.mapToObj((i) -> new ClaimedTask("q", "t" + i, "token", "noop", "null", 1, 1, 0, "fixed:0", 0))
			.toList();
		return new ClaimBatch(claimed, ClaimBatch.MORE_READY);
	}

	/** Claims the test answers by hand; every other operation is outside this test. */
	static final class PendingClaims implements TaskStore {

		final LinkedBlockingQueue<CompletableFuture<ClaimBatch>> claims = new LinkedBlockingQueue<>();

		final List<Integer> counts = new ArrayList<>();

		CompletableFuture<ClaimBatch> next() throws InterruptedException {
			CompletableFuture<ClaimBatch> claim = this.claims.poll(5, TimeUnit.SECONDS);
			assertThat(claim).as("the fetcher sent a claim").isNotNull();
			return claim;
		}

		@Override
		public synchronized CompletableFuture<ClaimBatch> claimAsync(String queue, int count, Duration lease,
				String worker) {
			CompletableFuture<ClaimBatch> claim = new CompletableFuture<>();
			this.counts.add(count);
			this.claims.add(claim);
			return claim;
		}

		@Override
		public CompletableFuture<List<EnqueueResult>> enqueue(String queue, List<NewTask> tasks, boolean allOrNothing) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ClaimBatch claim(String queue, int count, Duration lease, String worker) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<AckResult> ack(String queue, List<Outcome> outcomes, Retention retention) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<List<AckResult>> ackAsync(String queue, List<Outcome> outcomes, Retention retention) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<dev.cleo.queue.redis.LostLease> extend(String queue, List<Lease> leases, Duration lease) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<ExpiredLease> expiredLeases(String queue, int limit) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int release(String queue, List<Lease> leases) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<Boolean> report(String queue, Lease lease, Integer progress, String stage,
				String logLine, int maxLogLines) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CancelResult cancel(String queue, String id) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<TaskInfo> find(String queue, String id) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<String> logs(String queue, String id) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<TaskInfo> dead(String queue, int offset, int limit) {
			throw new UnsupportedOperationException();
		}

		@Override
		public TaskPage list(String queue, TaskState state, TaskListRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<String> retryDead(String queue, List<String> ids, int max) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long deleteDead(String queue, List<String> ids) {
			throw new UnsupportedOperationException();
		}

		@Override
		public QueueCounts counts(String queue) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<java.util.Map<String, QueueCounts>> countsAsync(java.util.Collection<String> queues) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<Void> wakeAsync(String queue) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String markerKey(String queue) {
			return "marker";
		}

		@Override
		public CompletableFuture<List<dev.cleo.queue.redis.TaskEnd>> ends(String queue, List<String> ids) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String finishedChannel(String queue) {
			return "finished";
		}

	}

}
