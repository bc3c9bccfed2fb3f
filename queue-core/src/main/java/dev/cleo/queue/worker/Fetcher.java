/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.Texts;
import dev.cleo.queue.redis.ClaimBatch;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.RedisCalls;

/**
 * The pool's claim loop. Whenever slots are free it reserves them and claims that many
 * tasks in one round trip per queue; up to {@value #CLAIMS_IN_FLIGHT} claims may be on
 * their way at once, so slots that free up while a claim travels are filled without
 * waiting for it. A pool never leases more tasks than it has slots. When a claim comes
 * back short the queues are drained: the loop then waits for a marker wake-up, the next
 * delayed task's due time (timed here, to the millisecond, rather than by Redis's coarse
 * blocking timeout) or the idle wait, whichever comes first.
 */
final class Fetcher implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(Fetcher.class);

	private static final int CLAIMS_IN_FLIGHT = 2;

	private final QueueClaimer claimer;

	private final FetchSignals signals;

	private final Consumer<ClaimedTask> dispatcher;

	private final long idleMillis;

	private final Clock clock;

	private final OutageBackoff backoff;

	private final Semaphore claimsInFlight = new Semaphore(CLAIMS_IN_FLIGHT);

	private volatile boolean drained;

	private volatile long nextDueMillis = ClaimBatch.NOTHING_DELAYED;

	private volatile QueueException failure;

	private volatile boolean running = true;

	Fetcher(QueueClaimer claimer, FetchSignals signals, Consumer<ClaimedTask> dispatcher, WorkerPoolOptions options,
			Clock clock) {
		this.claimer = claimer;
		this.signals = signals;
		this.dispatcher = dispatcher;
		this.idleMillis = options.idleWait().toMillis();
		this.clock = clock;
		this.backoff = new OutageBackoff(logger, "Claiming tasks for pool " + Texts.quote(options.name()));
	}

	@Override
	public void run() {
		try {
			while (this.running) {
				step();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void step() throws InterruptedException {
		QueueException failed = this.failure;
		if (failed != null) {
			this.failure = null;
			this.backoff.failed(failed);
			return;
		}
		if (this.drained) {
			this.drained = false;
			awaitWork();
			return;
		}
		if (this.signals.awaitFree(this.idleMillis) > 0
				&& this.claimsInFlight.tryAcquire(this.idleMillis, TimeUnit.MILLISECONDS)) {
			if (this.drained) {
				// A claim came back short while we waited (the slots it gave back woke
				// us): another now would come back empty, so wait for work instead.
				this.claimsInFlight.release();
				return;
			}
			sendClaim();
		}
	}

	/**
	 * Claim for the free slots now, from the calling thread, if a claim may go out. The
	 * marker watcher calls this when a wake-up arrives for an idle fetcher, which saves
	 * waking the fetcher's thread first: that hand-over is most of an idle queue's start
	 * latency.
	 * @return whether a claim went out
	 */
	boolean claimNow() {
		if (!this.running || !this.claimsInFlight.tryAcquire()) {
			return false;
		}
		return sendClaim();
	}

	/**
	 * Send a claim for every free slot; the caller holds a claim permit, which this
	 * passes on.
	 */
	private boolean sendClaim() {
		int reserved = this.signals.takeAll();
		if (reserved == 0 || !this.running) {
			this.signals.give(reserved);
			this.claimsInFlight.release();
			return false;
		}
		this.signals.clearWork();
		this.claimer.claim(reserved).whenComplete((batch, error) -> claimed(reserved, batch, error));
		return true;
	}

	private void claimed(int reserved, ClaimBatch batch, Throwable error) {
		try {
			if (error != null) {
				this.signals.give(reserved);
				this.failure = RedisCalls.translate(error, "claim tasks");
				return;
			}
			this.backoff.succeeded();
			boolean moreReady = batch.nextDueMillis() == ClaimBatch.MORE_READY;
			// Recorded before the unused slots go back, since those wake a fetcher
			// waiting for slots, which must then see that the queues are drained.
			if (!moreReady) {
				this.nextDueMillis = batch.nextDueMillis();
			}
			this.drained = !moreReady;
			this.signals.give(reserved - batch.tasks().size());
			batch.tasks().forEach(this.dispatcher);
			if (moreReady) {
				// A claim the watcher sent leaves the fetcher asleep: wake it to go on
				// claiming.
				this.signals.signalWork();
			}
			else if (batch.nextDueMillis() >= 0) {
				// The fetcher may be asleep (the watcher sent this claim): let it see
				// the due time.
				this.signals.nudge();
			}
		}
		finally {
			this.claimsInFlight.release();
			this.signals.wakeFetcher();
		}
	}

	/**
	 * Sleep until work is signalled, the next delayed task is due, or the idle wait ends.
	 */
	private void awaitWork() throws InterruptedException {
		long deadline = this.clock.millis() + this.idleMillis;
		while (true) {
			long now = this.clock.millis();
			long due = this.nextDueMillis;
			long until = (due >= 0) ? Math.min(deadline, due) : deadline;
			if (until <= now || this.signals.awaitWork(until - now) != FetchSignals.Wake.NUDGE) {
				return;
			}
		}
	}

	void stop() {
		this.running = false;
	}

}
