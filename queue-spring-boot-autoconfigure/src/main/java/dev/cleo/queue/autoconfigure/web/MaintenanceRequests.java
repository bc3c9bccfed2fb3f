/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.CleanupRequest;

/**
 * The bodies of the API's maintenance calls, with the bounds of each field.
 */
public final class MaintenanceRequests {

	/** The most dead letters one reprocess call retries. */
	public static final int MAX_JOBS = 1000;

	private MaintenanceRequests() {
	}

	/**
	 * The body of {@code POST /api/dlq/reprocess}.
	 *
	 * @param jobIds the dead jobs to retry, at most
	 * {@value MaintenanceRequests#MAX_JOBS}; none means the oldest {@code maxJobs}
	 * @param maxJobs how many at most when no ids are given, 1 to
	 * {@value MaintenanceRequests#MAX_JOBS}
	 * @param queue the queue, else {@code cleo.web.api.default-queue}
	 */
	public record Reprocess(@Nullable List<String> jobIds, @Nullable Integer maxJobs, @Nullable String queue) {

		List<String> ids() {
			if (this.jobIds == null) {
				return List.of();
			}
			if (this.jobIds.size() > MAX_JOBS) {
				throw ApiProblems.badRequest("Invalid argument",
						"'jobIds' may list at most " + MAX_JOBS + " jobs, had " + this.jobIds.size());
			}
			this.jobIds.forEach(JobLookup::checkId);
			return this.jobIds;
		}

		/**
		 * The core's {@code maxTasks}, from the wire's {@code maxJobs}.
		 * @param defaultMaxJobs the value when the body names none
		 * @return how many dead tasks to retry at most
		 */
		int maxTasks(int defaultMaxJobs) {
			int value = (this.maxJobs != null) ? this.maxJobs : defaultMaxJobs;
			if (value < 1 || value > MAX_JOBS) {
				throw ApiProblems.badRequest("Invalid argument",
						"'maxJobs' must be from 1 to " + MAX_JOBS + ", was " + value);
			}
			return value;
		}

	}

	/**
	 * The body of {@code POST /api/cleanup}.
	 *
	 * @param removeCompleted remove completed (and cancelled) jobs; absent means false
	 * @param removeExpired remove expired jobs; absent means false
	 * @param olderThan only jobs finished at least this many milliseconds ago; 0 or
	 * absent for all
	 * @param queue one of the application's queues, or absent for all of them
	 */
	public record Cleanup(@Nullable Boolean removeCompleted, @Nullable Boolean removeExpired, @Nullable Long olderThan,
			@Nullable String queue) {

		CleanupRequest toCleanupRequest() {
			long millis = (this.olderThan != null) ? this.olderThan : 0;
			if (millis < 0) {
				throw ApiProblems.badRequest("Invalid argument",
						"'olderThan' must be zero or more milliseconds, was " + millis);
			}
			return new CleanupRequest(Boolean.TRUE.equals(this.removeCompleted),
					Boolean.TRUE.equals(this.removeExpired), Duration.ofMillis(millis));
		}

	}

}
