/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.TaskSerializer;
import dev.cleo.queue.Texts;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.redis.ScheduleStore;
import dev.cleo.queue.redis.StoredSchedule;

/**
 * The schedules of every queue under the manager's key prefix: register, list, pause,
 * resume, delete, run now, reconcile the declared ones. Reached through
 * {@code QueueManager.schedules()}.
 * <p>
 * A schedule fires exactly once per tick however many managers run: each manager whose
 * worker pools serve the schedule's queue tries to fire it, and a compare-and-set judged
 * by Redis's clock lets exactly one succeed (see {@code docs/design/scheduling.md}). A
 * manager starts firing with its first worker pool; {@link ScheduleFiring}, reached
 * through {@code QueueManager.schedules().firing()}, is the switch.
 */
public final class Schedules {

	private final ScheduleStore store;

	private final TaskSerializer serializer;

	private final long maxPayloadSize;

	private final ScheduleFirer firer;

	private final ScheduledRunEvents runEvents;

	private ScheduleFiring firing;

	Schedules(ScheduleStore store, TaskSerializer serializer, long maxPayloadSize, ScheduleFirer firer,
			ScheduledRunEvents runEvents) {
		this.store = store;
		this.runEvents = runEvents;
		this.serializer = serializer;
		this.maxPayloadSize = maxPayloadSize;
		this.firer = firer;
	}

	/** Set once by the {@link ScheduleEngine} that wires both. */
	void firing(ScheduleFiring firing) {
		this.firing = firing;
	}

	/**
	 * The engine switch of this manager's firing, apart from the operations on schedules:
	 * stop it, start it again, or forbid it whatever pools run (an instance that should
	 * never fire). The manager starts firing with each worker pool it starts and stops
	 * when it closes.
	 * @return the firing control
	 */
	public ScheduleFiring firing() {
		return this.firing;
	}

	/**
	 * Create a schedule, or update the one of that name on its queue. An unchanged
	 * definition changes nothing (its next tick stays); a changed one keeps its next tick
	 * when the trigger is unchanged and otherwise starts at the new trigger's first tick.
	 * @param schedule the schedule
	 * @return the schedule as stored
	 * @throws dev.cleo.queue.PayloadTooLargeException when its payload is over the
	 * manager's maximum payload size (nothing is stored)
	 * @throws UnknownScheduleException when it was deleted again before it could be read
	 * back
	 * @throws dev.cleo.queue.QueueUnavailableException when Redis does not answer
	 */
	public ScheduleInfo register(Schedule schedule) {
		save(schedule, null, payload(schedule));
		// Another instance may delete it (or its queue) between the save and the read.
		return find(schedule.queue(), schedule.name())
			.orElseThrow(() -> new UnknownScheduleException(schedule.queue(), schedule.name()));
	}

	private int save(Schedule schedule, String owner, String payload) {
		String queue = schedule.queue();
		long now = this.store.due(queue, 0).now();
		long first = ScheduleDefinitions.firstTick(schedule.trigger(), now);
		return this.store.save(queue, ScheduleDefinitions.toStored(schedule, owner, first, payload));
	}

	/** Every run carries the schedule's payload, so it is held to the tasks' limit. */
	private String payload(Schedule schedule) {
		return TaskRequest.checkPayloadSize(schedule.taskName(), this.serializer.write(schedule.payload()),
				this.maxPayloadSize);
	}

	/**
	 * Every schedule under this key prefix.
	 * @return the schedules, by queue, then by next tick
	 */
	public List<ScheduleInfo> list() {
		List<ScheduleInfo> all = new ArrayList<>();
		this.store.scheduleQueues().stream().sorted().forEach((queue) -> all.addAll(list(queue)));
		return all;
	}

	/**
	 * The schedules of one queue.
	 * @param queue the queue
	 * @return the schedules, by next tick (paused ones last)
	 */
	public List<ScheduleInfo> list(String queue) {
		return this.store.list(RedisKeys.checkQueueName(queue)).stream().map(ScheduleDefinitions::info).toList();
	}

	/**
	 * One schedule.
	 * @param queue the queue
	 * @param name the name
	 * @return the schedule, or empty when there is none
	 */
	public Optional<ScheduleInfo> find(String queue, String name) {
		return this.store.find(RedisKeys.checkQueueName(queue), name).map(ScheduleDefinitions::info);
	}

	/**
	 * Pause a schedule on every instance: no tick fires until it is resumed.
	 * @param queue the queue
	 * @param name the name
	 * @return true when it was running, false when already paused
	 * @throws UnknownScheduleException when there is no such schedule
	 */
	public boolean pause(String queue, String name) {
		return known(queue, name, this.store.pause(RedisKeys.checkQueueName(queue), name));
	}

	/**
	 * Resume a paused schedule at its first tick from now; the ticks it missed while
	 * paused do not count as misfires.
	 * @param queue the queue
	 * @param name the name
	 * @return true when it was paused, false when it was running
	 * @throws UnknownScheduleException when there is no such schedule
	 */
	public boolean resume(String queue, String name) {
		StoredSchedule stored = this.store.find(RedisKeys.checkQueueName(queue), name)
			.orElseThrow(() -> new UnknownScheduleException(queue, name));
		long now = this.store.due(queue, 0).now();
		long first = ScheduleDefinitions.firstTick(Trigger.decode(stored.trigger()), now);
		return known(queue, name, this.store.resume(queue, name, first));
	}

	/**
	 * Delete a schedule; runs already enqueued go on.
	 * @param queue the queue
	 * @param name the name
	 * @return true when it existed
	 */
	public boolean delete(String queue, String name) {
		return this.store.delete(RedisKeys.checkQueueName(queue), name) == 1;
	}

	/**
	 * Enqueue one run of a schedule now, paused or not, whatever its overlap policy; it
	 * becomes the schedule's last run. The schedule's next tick does not move.
	 * @param queue the queue
	 * @param name the name
	 * @return the task id of the run
	 * @throws UnknownScheduleException when there is no such schedule
	 */
	public String trigger(String queue, String name) {
		String id = UUID.randomUUID().toString();
		if (this.store.runNow(RedisKeys.checkQueueName(queue), name, id).ids().isEmpty()) {
			throw new UnknownScheduleException(queue, name);
		}
		if (this.runEvents.wanted()) {
			// The run's task name is the schedule's: read only when someone listens.
			find(queue, name).ifPresent((schedule) -> this.runEvents.enqueued(queue, schedule.taskName(), List.of(id)));
		}
		return id;
	}

	/**
	 * Make the stored schedules of an application match the ones it declares: create or
	 * update each declared one, and delete the owner's schedules that no instance has
	 * declared for longer than {@code grace}. From then on this manager declares the set
	 * again every grace / 4 (at most every minute), saves again any of its schedules that
	 * Redis no longer holds (so a declared schedule deleted by hand comes back: pause it
	 * instead, or stop declaring it) and sweeps, so during a rolling deploy a schedule
	 * the old version still declares stays, and one nobody declares any more goes once
	 * the grace period is over. Schedules registered through {@link #register} have no
	 * owner and are never removed this way.
	 * @param owner the application, 1 to 200 characters (the same on all its instances)
	 * @param declared the schedules it declares
	 * @param grace how long an undeclared schedule is kept, 100 ms to 30 days
	 * @return what was done
	 * @throws dev.cleo.queue.PayloadTooLargeException when a payload is over the
	 * manager's maximum payload size (then none of the schedules is saved)
	 */
	public Reconciliation reconcile(String owner, Collection<Schedule> declared, Duration grace) {
		checkOwner(owner);
		if (grace == null || grace.toMillis() < 100 || grace.compareTo(Duration.ofDays(30)) > 0) {
			throw new InvalidTaskOptionException("grace must be between 100 ms and 30 days, was " + grace);
		}
		Map<String, List<String>> names = namesByQueue(declared);
		List<String> created = new ArrayList<>();
		List<String> updated = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		// Every payload is checked before the first schedule is saved.
		Map<Schedule, String> payloads = new IdentityHashMap<>();
		declared.forEach((schedule) -> payloads.put(schedule, payload(schedule)));
		for (Schedule schedule : declared) {
			int saved = save(schedule, owner, payloads.get(schedule));
			List<String> into = (saved == 1) ? created : (saved == 2) ? updated : unchanged;
			into.add(schedule.queue() + "/" + schedule.name());
		}
		Map<String, Schedule> byKey = new HashMap<>();
		declared.forEach((schedule) -> byKey.put(schedule.queue() + "/" + schedule.name(), schedule));
		ScheduleDeclarations.Declaration declaration = new ScheduleDeclarations.Declaration(owner, names, grace,
				(queue, name) -> {
					Schedule schedule = byKey.get(queue + "/" + name);
					save(schedule, owner, payloads.get(schedule));
				});
		List<String> removed = this.firer.declare(declaration);
		return new Reconciliation(created, updated, unchanged, removed);
	}

	private static Map<String, List<String>> namesByQueue(Collection<Schedule> declared) {
		Map<String, List<String>> names = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (Schedule schedule : declared) {
			if (!seen.add(schedule.queue() + "/" + schedule.name())) {
				throw new InvalidScheduleException(
						"schedule " + Texts.quote(schedule.name()) + " is declared twice on queue "
								+ Texts.quote(schedule.queue()) + ": give each schedule of a queue its own name");
			}
			names.computeIfAbsent(schedule.queue(), (queue) -> new ArrayList<>()).add(schedule.name());
		}
		return names;
	}

	private static void checkOwner(String owner) {
		if (owner == null || owner.isBlank() || owner.length() > 200
				|| owner.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidTaskOptionException(
					"owner must be 1 to 200 characters without control characters, was " + Texts.quote(owner));
		}
	}

	private static boolean known(String queue, String name, int result) {
		if (result < 0) {
			throw new UnknownScheduleException(queue, name);
		}
		return result == 1;
	}

}
