/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueUnavailableException;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;

/**
 * The {@code queues} endpoint. {@code GET /actuator/queues} describes the application's
 * queues (counts, paused flag, worker pools and instances, first groups with their stats,
 * schedules, first delayed tasks) and names the first other queues found in Redis;
 * {@code GET /actuator/queues/{name}} describes one queue, with its last hour of history
 * (totals, percentiles, top errors). {@code POST /actuator/queues/{name}/{action}} runs
 * {@code pause}, {@code resume}, {@code retry-dead-letters} (optional {@code maxJobs}, 1
 * to 10,000), {@code purge-dead-letters}, {@code cancel} (the task's {@code id} in the
 * body), and {@code pause-schedule}, {@code resume-schedule}, {@code delete-schedule},
 * {@code trigger-schedule} (the {@code schedule} in the body); {@code DELETE
 * /actuator/queues/{name}[?withTasks=true]} removes a queue.
 * <p>
 * Every write goes through {@link WriteAccess} ({@code cleo.write-operations.enabled},
 * and the authority {@code CLEO_ADMIN} with Spring Security): 403 otherwise. Every read
 * waits for Redis at most {@code cleo.request-timeout} ({@link RedisReads}): 503
 * otherwise. An invalid queue name answers 400 and a queue neither the application nor
 * Redis knows 404, so no call creates a queue. Refusals are {@link QueueProblem}s.
 */
@Endpoint(id = "queues")
public class QueuesEndpoint {

	private final QueueManager manager;

	private final RedisReads reads;

	private final WriteAccess writes;

	private final QueueLookup lookup;

	private final QueuesReader reader;

	/**
	 * Create the endpoint.
	 * @param manager the queue manager
	 * @param application the queues the application knows
	 * @param reads where the endpoint's reads run, with their deadline
	 * @param writes the gate of every write
	 */
	public QueuesEndpoint(QueueManager manager, ApplicationQueues application, RedisReads reads, WriteAccess writes) {
		this.manager = manager;
		this.reads = reads;
		this.writes = writes;
		this.lookup = new QueueLookup(manager, application);
		this.reader = new QueuesReader(manager, application, this.lookup);
	}

	/**
	 * The application's queues, and the names of the first other queues in Redis.
	 * @return 200 with a {@link QueuesDescriptor}, or 503
	 */
	@ReadOperation
	public WebEndpointResponse<Object> queues() {
		return answer(() -> this.reads.within("the queues", this.reader::all));
	}

	/**
	 * One queue.
	 * @param name the queue
	 * @return 200 with a {@link QueueDescriptor}; 400 for an invalid name, 404 for an
	 * unknown queue, 503
	 */
	@ReadOperation
	public WebEndpointResponse<Object> queue(@Selector String name) {
		return answer(() -> {
			String queue = this.lookup.valid(name);
			return this.reads.within("queue '" + queue + "'", () -> {
				this.lookup.requireKnown(queue);
				return this.reader.describe(queue, true);
			});
		});
	}

	/**
	 * Run an administrative action on a queue, one of its tasks or one of its schedules.
	 * @param name the queue
	 * @param action {@code pause}, {@code resume}, {@code retry-dead-letters},
	 * {@code purge-dead-letters}, {@code cancel}, {@code pause-schedule},
	 * {@code resume-schedule}, {@code delete-schedule} or {@code trigger-schedule}
	 * @param maxJobs for {@code retry-dead-letters}: how many at most, 1 to 10,000
	 * (default 1,000)
	 * @param schedule for the schedule actions: the schedule's name
	 * @param id for {@code cancel}: the task's id
	 * @return 200 with a {@link QueueActionResult}; 403 when writes are refused, 400 for
	 * an invalid name, unknown action or missing or invalid argument, 404 for an unknown
	 * queue, task or schedule, 409 for a finished task, 503
	 */
	@WriteOperation
	public WebEndpointResponse<Object> act(@Selector String name, @Selector String action, @Nullable Integer maxJobs,
			@Nullable String schedule, @Nullable String id) {
		return answer(() -> {
			QueueAction known = QueueAction.from(action);
			this.writes.check((known != null) ? known.value() : "an action of the queues endpoint");
			String queue = this.lookup.valid(name);
			QueueAction parsed = QueueAction.parse(action);
			requireKnown(queue);
			if (parsed.onSchedule()) {
				return new ScheduleActions(this.manager.schedules()).run(queue, parsed, schedule);
			}
			return new QueueActions(this.manager, this.reads).run(queue, parsed, maxJobs, id);
		});
	}

	/**
	 * Remove a queue with everything Redis keeps for it (see
	 * {@link QueueManager#removeQueue}): a stray one that callers or another application
	 * left, or one of the application's to start it afresh (its pools list it again with
	 * their next heartbeat).
	 * @param name the queue
	 * @param withTasks {@code true} to remove its waiting, delayed, running and dead
	 * tasks with it
	 * @return 200 with a {@link QueueActionResult} whose {@code affected} is the tasks
	 * removed; 403 when writes are refused, 400 for an invalid name, 404 for an unknown
	 * queue, 409 naming its tasks while it has some and {@code withTasks} is not set, 503
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> remove(@Selector String name, @Nullable Boolean withTasks) {
		return answer(() -> {
			this.writes.check("remove a queue");
			String queue = requireKnown(this.lookup.valid(name));
			return new QueueActions(this.manager, this.reads).remove(queue, Boolean.TRUE.equals(withTasks));
		});
	}

	/**
	 * Check within the read deadline that a valid queue exists; before a write, this read
	 * is also what refuses it at once while Redis is away.
	 */
	private String requireKnown(String queue) {
		return this.reads.within("queue '" + queue + "'", () -> {
			this.lookup.requireKnown(queue);
			return queue;
		});
	}

	/**
	 * Answer a call: its result, or the problem that refused it.
	 */
	private WebEndpointResponse<Object> answer(Supplier<Object> call) {
		try {
			return new WebEndpointResponse<>(call.get());
		}
		catch (Refusal refusal) {
			return refusal.response();
		}
		catch (WriteAccess.WriteRefusedException ex) {
			return QueueProblem.forbidden(ex.getMessage());
		}
		catch (QueueUnavailableException ex) {
			// A fixed text: the exception's may carry Redis's address or a client's
			// wording.
			return QueueProblem.unavailable("Redis did not answer within " + this.reads.deadline()
					+ " (cleo.request-timeout); try again once it is back");
		}
	}

}
