/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.Names;
import dev.cleo.queue.Texts;

/**
 * How a worker pool runs: which queues it serves and in what order, how many tasks at
 * once, on which threads, and its lease, heartbeat and shutdown timing. Build with
 * {@link #builder()}.
 *
 * @param name the pool's name, used in thread names and logs
 * @param queues the queues served, in order, with their weights
 * @param selection how the next queue is chosen when several have work
 * @param concurrency how many tasks run at once
 * @param threads which threads run the handlers
 * @param lease how long a claimed task is held without a heartbeat
 * @param heartbeat how often held leases are extended (shorter than the lease)
 * @param shutdownTimeout how long a stop waits for running tasks before handing them back
 * @param reaperInterval how often expired leases are looked for
 * @param idleWait the longest an idle pool waits before looking for work again on its own
 * @param unknownTaskGrace how long a task whose name has no handler here keeps going back
 * for another worker, counted from when it became due; after that it is dead-lettered
 */
public record WorkerPoolOptions(String name, Map<String, Integer> queues, QueueSelection selection, int concurrency,
		WorkerThreads threads, Duration lease, Duration heartbeat, Duration shutdownTimeout, Duration reaperInterval,
		Duration idleWait, Duration unknownTaskGrace) {

	/**
	 * Check the options.
	 */
	public WorkerPoolOptions {
		if (queues.isEmpty()) {
			throw new InvalidTaskOptionException("worker pool " + Texts.quote(name) + " must serve at least one queue");
		}
		if (concurrency < 1 || concurrency > 10_000) {
			throw new InvalidTaskOptionException("concurrency must be between 1 and 10000, was " + concurrency);
		}
		checkAtLeast("lease", lease, Duration.ofMillis(100));
		checkAtLeast("heartbeat", heartbeat, Duration.ofMillis(10));
		if (heartbeat.compareTo(lease) >= 0) {
			throw new InvalidTaskOptionException(
					"heartbeat (" + heartbeat + ") must be shorter than the lease (" + lease + ")");
		}
		checkAtLeast("shutdownTimeout", shutdownTimeout, Duration.ZERO);
		checkAtLeast("reaperInterval", reaperInterval, Duration.ofMillis(10));
		checkAtLeast("idleWait", idleWait, Duration.ofMillis(100));
		checkAtLeast("unknownTaskGrace", unknownTaskGrace, Duration.ZERO);
		queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
	}

	/**
	 * A builder with the defaults: concurrency 10, threads AUTO, lease 30 s, heartbeat 10
	 * s, shutdown timeout 30 s, reaper every 2 s, idle wait 5 s, strict queue order,
	 * unknown-task grace 10 minutes.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private static void checkAtLeast(String option, Duration value, Duration min) {
		if (value == null || value.compareTo(min) < 0) {
			throw new InvalidTaskOptionException(option + " must be at least " + min + ", was " + value);
		}
	}

	/** How a pool that serves several queues picks the next one. */
	public enum QueueSelection {

		/** Always the first queue with work, in the order given. */
		STRICT,

		/** At random, in proportion to the queues' weights (60/30/10, say). */
		WEIGHTED

	}

	/** Builds {@link WorkerPoolOptions}. */
	public static final class Builder {

		private String name = "workers";

		private final Map<String, Integer> queues = new LinkedHashMap<>();

		private QueueSelection selection = QueueSelection.STRICT;

		private int concurrency = 10;

		private WorkerThreads threads = WorkerThreads.AUTO;

		private Duration lease = Duration.ofSeconds(30);

		private Duration heartbeat;

		private Duration shutdownTimeout = Duration.ofSeconds(30);

		private Duration reaperInterval = Duration.ofSeconds(2);

		private Duration idleWait = Duration.ofSeconds(5);

		private Duration unknownTaskGrace = Duration.ofMinutes(10);

		private Builder() {
		}

		/**
		 * @param name the pool's name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * @param queue a queue to serve, with weight 1
		 * @return this builder
		 */
		public Builder queue(String queue) {
			return queue(queue, 1);
		}

		/**
		 * Serve a queue.
		 * @param queue the queue
		 * @param weight its weight for {@link QueueSelection#WEIGHTED}, from 1 to 1000
		 * @return this builder
		 */
		public Builder queue(String queue, int weight) {
			Names.checkQueue(queue);
			if (weight < 1 || weight > 1000) {
				throw new InvalidTaskOptionException(
						"weight of queue " + Texts.quote(queue) + " must be between 1 and 1000, was " + weight);
			}
			this.queues.put(queue, weight);
			return this;
		}

		/**
		 * @param selection how the next queue is chosen
		 * @return this builder
		 */
		public Builder selection(QueueSelection selection) {
			this.selection = selection;
			return this;
		}

		/**
		 * @param concurrency tasks at once, 1 to 10000
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * @param threads which threads run handlers
		 * @return this builder
		 */
		public Builder threads(WorkerThreads threads) {
			this.threads = threads;
			return this;
		}

		/**
		 * @param lease the lease, at least 100 ms
		 * @return this builder
		 */
		public Builder lease(Duration lease) {
			this.lease = lease;
			return this;
		}

		/**
		 * @param heartbeat the heartbeat interval (default a third of the lease)
		 * @return this builder
		 */
		public Builder heartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
			return this;
		}

		/**
		 * @param shutdownTimeout the longest a stop waits for running tasks
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		/**
		 * @param reaperInterval how often expired leases are looked for
		 * @return this builder
		 */
		public Builder reaperInterval(Duration reaperInterval) {
			this.reaperInterval = reaperInterval;
			return this;
		}

		/**
		 * @param idleWait the longest idle wait between looks for work
		 * @return this builder
		 */
		public Builder idleWait(Duration idleWait) {
			this.idleWait = idleWait;
			return this;
		}

		/**
		 * How long a task whose name has no handler in this pool's manager keeps going
		 * back for another worker (one that has the handler: another application on the
		 * same Redis, or a newer instance during a rolling deploy) before it goes to the
		 * dead-letter queue. Counted from when the task became due; the hand-backs do not
		 * count as attempts. {@link Duration#ZERO} dead-letters such a task at once.
		 * @param unknownTaskGrace the grace, zero or more
		 * @return this builder
		 */
		public Builder unknownTaskGrace(Duration unknownTaskGrace) {
			this.unknownTaskGrace = unknownTaskGrace;
			return this;
		}

		/**
		 * @return the options
		 */
		public WorkerPoolOptions build() {
			Duration beat = (this.heartbeat != null) ? this.heartbeat : this.lease.dividedBy(3);
			return new WorkerPoolOptions(this.name, this.queues, this.selection, this.concurrency, this.threads,
					this.lease, beat, this.shutdownTimeout, this.reaperInterval, this.idleWait, this.unknownTaskGrace);
		}

	}

}
