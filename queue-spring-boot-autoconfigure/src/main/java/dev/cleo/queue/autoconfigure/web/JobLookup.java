/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.Texts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.autoconfigure.RedisReads;

/**
 * Finds the job a path names, in the queues callers may name, through {@link RedisReads}
 * so that no request thread waits on Redis past {@code cleo.request-timeout}. Internal.
 */
final class JobLookup {

	/** Job ids as Cleo makes them (UUIDs), with room for other printable ids. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final QueueManager manager;

	private final RedisReads reads;

	private final ApiQueues queues;

	private final CleoWebApiProperties properties;

	JobLookup(QueueManager manager, RedisReads reads, ApiQueues queues, CleoWebApiProperties properties) {
		this.manager = manager;
		this.reads = reads;
		this.queues = queues;
		this.properties = properties;
	}

	/**
	 * Find a job.
	 * @param id the job id
	 * @param queue its queue; without it the default queue and the queues of
	 * {@code cleo.web.api.task-queues} are searched
	 * @return the job
	 * @throws ApiProblems.ApiProblemException 400 for an id that cannot be a job's, 404
	 * when no such job is found (in a queue the application does not know, none is)
	 */
	TaskInfo find(String id, @Nullable String queue) {
		return find(id, queue, (job) -> job);
	}

	/**
	 * Find a job and read more of it, within one deadline.
	 * @param <T> what is read
	 * @param id the job id
	 * @param queue its queue, or {@code null} to search as {@link #find(String, String)}
	 * does
	 * @param then the further read of the job found (its logs, its attempts)
	 * @return what that read gave
	 * @throws ApiProblems.ApiProblemException 400 for an id that cannot be a job's, 404
	 * when no such job is found
	 */
	<T> T find(String id, @Nullable String queue, Function<TaskInfo, T> then) {
		checkId(id);
		Set<String> searched = new LinkedHashSet<>();
		if (queue != null) {
			searched.add(queue);
		}
		else {
			searched.add(this.properties.getDefaultQueue());
			searched.addAll(this.properties.getTaskQueues().values());
		}
		Optional<T> found = (queue != null && !this.queues.allows(queue)) ? Optional.empty()
				: this.reads.within("job " + Texts.quote(id), () -> search(id, searched).map(then));
		return found.orElseThrow(() -> ApiProblems.notFound("Job not found", "No job " + Texts.quote(id) + " in "
				+ ProblemText.list(searched) + " (it may never have existed, or been removed)"));
	}

	static String checkId(@Nullable String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw ApiProblems.badRequest("Invalid job id", "The job id " + Texts.quote(id)
					+ " is not one Cleo gives: 1 to 100 letters, digits, '.', '_', ':' or '-'");
		}
		return id;
	}

	private Optional<TaskInfo> search(String id, Set<String> searched) {
		return searched.stream().map((name) -> this.manager.task(name, id)).flatMap(Optional::stream).findFirst();
	}

}
