/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every Lua script Cleo runs, one per atomic operation: its file in
 * {@code dev/cleo/queue/redis} (its header lists KEYS, ARGV, the reply and its includes)
 * and the key that routes it. All are read, with their includes, once per JVM, when the
 * first store starts ({@link #loadAll()}), so a missing file or an include cycle fails
 * the start rather than a later call.
 */
enum Script {

	/** Stores and indexes a batch of new tasks. */
	ENQUEUE("enqueue"),

	/** Promotes due tasks, then leases up to N ready tasks. */
	CLAIM("claim"),

	/** Records a batch of attempt outcomes (fenced by lease token), then retention. */
	ACK("ack"),

	/** Pushes lease deadlines forward (heartbeat). */
	EXTEND("extend"),

	/** Finds expired leases. */
	REAP("reap"),

	/** Hands leases back on shutdown. */
	RELEASE("release"),

	/** Progress and log lines of a running attempt. */
	REPORT("report"),

	/** Cancels a task in any state that allows it. */
	CANCEL("cancel"),

	/** Reads the states of tasks for the futures waiting on their end. */
	TASK_ENDS("task-ends"),

	/** Reads a page of delayed, active, finished or dead task ids. */
	TASK_PAGE("task-page"),

	/** Reads a page of waiting task ids, ungrouped and grouped. */
	WAITING_PAGE("waiting-page"),

	/** Moves dead tasks back to ready. */
	DEAD_RETRY("dead-retry"),

	/** Deletes dead tasks by id. */
	DEAD_DELETE("dead-delete"),

	/** Deletes the oldest dead tasks, a chunk per call. */
	DEAD_PURGE("dead-purge"),

	/** Removes finished tasks ahead of retention, a chunk per call. */
	CLEANUP("cleanup"),

	/** Removes a queue with everything it keeps, a chunk per call. */
	QUEUE_REMOVE("queue-remove"),

	/** Sets one group setting and rescores the line, a page per call. */
	GROUP_CONFIG("group-config"),

	/** Pauses or resumes one group. */
	GROUP_PAUSE("group-pause"),

	/** Lists the groups with their counts and flags. */
	GROUP_LIST("group-list"),

	/** Merges one group into another, a page per call. */
	GROUP_MERGE("group-merge"),

	/** Moves waiting tasks of a group to other groups, a page per call. */
	GROUP_SPLIT("group-split"),

	/** Appends a group or queue event line to the queue's event stream. */
	EVENT_NOTE("event-note"),

	/** Creates or updates a schedule. */
	SCHEDULE_SAVE("schedule-save", "schedules"),

	/** Redis's time and the due schedules. */
	SCHEDULE_DUE("schedule-due", "schedules"),

	/** Fires one due tick of a schedule, or runs it now. */
	SCHEDULE_FIRE("schedule-fire", "schedules"),

	/** Pauses, resumes or deletes a schedule. */
	SCHEDULE_STATE("schedule-state", "schedules"),

	/** Refreshes the declared schedules of an owner and deletes the ghosts. */
	SCHEDULE_DECLARED("schedule-declared", "schedules");

	private static volatile Map<Script, LuaScript> loaded;

	private final String file;

	private final String routingKind;

	Script(String file) {
		this(file, "ready");
	}

	Script(String file, String routingKind) {
		this.file = file;
		this.routingKind = routingKind;
	}

	/**
	 * The script's file name without {@code .lua}.
	 * @return the name
	 */
	String file() {
		return this.file;
	}

	/**
	 * The kind of the queue key passed as {@code KEYS[1]}: it carries the queue's hash
	 * tag, so a Cluster client routes the call to the queue's slot (the script builds its
	 * other keys from the prefix in {@code ARGV[1]}).
	 * @return a kind for {@link RedisKeys#key(String, String)}
	 */
	String routingKind() {
		return this.routingKind;
	}

	/**
	 * Every script, read on the first call and kept.
	 * @return the scripts by constant
	 * @throws IllegalStateException when a script or include is missing or includes form
	 * a cycle (the next call tries again, and fails the same way)
	 */
	static Map<Script, LuaScript> loadAll() {
		Map<Script, LuaScript> scripts = loaded;
		if (scripts == null) {
			synchronized (Script.class) {
				scripts = loaded;
				if (scripts == null) {
					EnumMap<Script, LuaScript> read = new EnumMap<>(Script.class);
					for (Script script : values()) {
						read.put(script, new LuaScript(script.file));
					}
					scripts = Collections.unmodifiableMap(read);
					loaded = scripts;
				}
			}
		}
		return scripts;
	}

}
