/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.reports;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.schedule.OverlapPolicy;

import org.springframework.stereotype.Component;

/**
 * Shows a recurring task declared on a method: at the start of every minute (the cron of
 * {@code sample.reports.digest-cron}, read in {@code cleo.schedules.zone}) exactly one
 * instance of the application enqueues a run, and whichever worker takes it logs a digest
 * of the {@code reports} queue. A run still going when the next minute starts makes that
 * tick skip instead of piling up. Its schedule, {@code reports.digest}, is listed,
 * paused, resumed and triggered through {@code /actuator/queues/reports}.
 */
@Component
public class ReportDigest {

	/** The task id, which names the schedule too. */
	public static final String NAME = "reports.digest";

	private static final Logger logger = LoggerFactory.getLogger(ReportDigest.class);

	private final QueueManager queues;

	private final AtomicLong runs = new AtomicLong();

	/**
	 * Create the digest.
	 * @param queues the queue manager, to read the counts
	 */
	public ReportDigest(QueueManager queues) {
		this.queues = queues;
	}

	/**
	 * Log how many reports wait, run and failed; run by a worker at each tick (calling it
	 * enqueues a run at once).
	 */
	@Task(id = NAME, queue = ReportService.QUEUE, cron = "${sample.reports.digest-cron:0 * * * * *}",
			overlap = OverlapPolicy.SKIP_IF_RUNNING)
	public void digest() {
		QueueCounts counts = this.queues.counts(ReportService.QUEUE);
		logger.info("Report digest #{}: {} waiting, {} delayed, {} running, {} finished, {} dead",
				this.runs.incrementAndGet(), counts.waiting(), counts.delayed(), counts.active(), counts.finished(),
				counts.dead());
	}

}
