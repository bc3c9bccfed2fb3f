/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.schedule.MisfirePolicy;
import dev.cleo.queue.schedule.OverlapPolicy;
import dev.cleo.queue.schedule.Schedule;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.expression.ExpressionException;
import org.springframework.util.StringUtils;

/**
 * Works out the {@link Schedule} a {@code @Task(cron/fixedRate/fixedDelay)} method
 * declares, and refuses at start-up what cannot work: two triggers, parameters (a tick
 * has no arguments to give), schedule attributes without a trigger, an unreadable cron
 * expression, zone or period. Each run's payload is the empty argument list.
 */
final class TaskScheduleFactory {

	/** A cron that declares no schedule, as Spring's {@code Scheduled.CRON_DISABLED}. */
	static final String CRON_DISABLED = "-";

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	private static final String TRIGGERS = "Set one of cron, fixedRate or fixedDelay";

	private final ScheduleDefaults defaults;

	private final AttributeText text;

	TaskScheduleFactory(ScheduleDefaults defaults, AttributeText text) {
		this.defaults = defaults;
		this.text = text;
	}

	/**
	 * The schedule a task method declares.
	 * @param taskMethod the task method, its id naming the schedule too
	 * @param task its {@code @Task}, maybe through a meta-annotation, or a missing one
	 * @return the schedule, or {@code null} when the method declares none
	 */
	@Nullable Schedule create(TaskMethod taskMethod, MergedAnnotation<Task> task) {
		Method method = taskMethod.method();
		if (!task.isPresent()) {
			return null;
		}
		String cron = this.text.get(method, task, "cron");
		String rate = this.text.get(method, task, "fixedRate");
		String delay = this.text.get(method, task, "fixedDelay");
		int triggers = (cron.isEmpty() ? 0 : 1) + (rate.isEmpty() ? 0 : 1) + (delay.isEmpty() ? 0 : 1);
		if (triggers > 1) {
			throw TaskMethodFactory.fail(method, "sets more than one of cron, fixedRate and fixedDelay",
					TRIGGERS + " on a method; declare another method for a second schedule.");
		}
		if (triggers == 0 || CRON_DISABLED.equals(cron)) {
			checkUnscheduled(method, task, CRON_DISABLED.equals(cron));
			return null;
		}
		if (method.getParameterCount() > 0) {
			throw TaskMethodFactory.fail(method, "is scheduled but takes parameters",
					"A tick has no arguments to give: take none, and read what the run needs from beans or "
							+ "configuration (or register a Schedule with a payload through QueueManager.schedules()).");
		}
		TaskOptions options = runOptions(taskMethod);
		String id = taskMethod.id();
		try {
			Schedule schedule = trigger(method, task, id, cron, rate, delay).task(id, List.of()).options(options);
			return policies(method, task, schedule, !delay.isEmpty());
		}
		catch (InvalidTaskOptionException ex) {
			throw TaskMethodFactory.fail(method, "has an invalid schedule: " + ex.getMessage(),
					"Fix cron, zone, fixedRate or fixedDelay of its @Task (cron formats: cleo.schedules.cron-format).");
		}
	}

	private Schedule trigger(Method method, MergedAnnotation<Task> task, String id, String cron, String rate,
			String delay) {
		String zone = this.text.get(method, task, "zone");
		if (!cron.isEmpty()) {
			return Schedule.cron(id, cron, zone.isEmpty() ? this.defaults.zone() : zone(method, zone),
					this.defaults.cronFormat());
		}
		if (!zone.isEmpty()) {
			throw TaskMethodFactory.fail(method, "sets zone '" + zone + "' without cron",
					"A zone only applies to a cron expression; remove it for fixedRate or fixedDelay.");
		}
		return rate.isEmpty() ? Schedule.fixedDelay(id, duration(method, "fixedDelay", delay))
				: Schedule.fixedRate(id, duration(method, "fixedRate", rate));
	}

	private Schedule policies(Method method, MergedAnnotation<Task> task, Schedule schedule, boolean fixedDelay) {
		MisfirePolicy[] misfire = task.getEnumArray("misfire", MisfirePolicy.class);
		OverlapPolicy[] overlap = task.getEnumArray("overlap", OverlapPolicy.class);
		int catchUpMax = task.getInt("catchUpMax");
		if (misfire.length > 1 || overlap.length > 1) {
			throw TaskMethodFactory.fail(method, "names more than one misfire or overlap policy",
					"Name at most one of each, as in misfire = MisfirePolicy.SKIP.");
		}
		if (fixedDelay && misfire.length == 1) {
			throw TaskMethodFactory.fail(method, "sets a misfire policy on a fixedDelay schedule",
					"A fixed delay runs once when it comes due, however late; remove misfire or use fixedRate.");
		}
		MisfirePolicy policy = (misfire.length == 1) ? misfire[0] : this.defaults.misfire();
		if (catchUpMax >= 0 && policy != MisfirePolicy.CATCH_UP) {
			throw TaskMethodFactory.fail(method, "sets catchUpMax with the misfire policy " + policy,
					"catchUpMax only applies to misfire = MisfirePolicy.CATCH_UP.");
		}
		Schedule result = (policy == MisfirePolicy.CATCH_UP && catchUpMax >= 0) ? schedule.catchUp(catchUpMax)
				: schedule.misfire(policy);
		return result.overlap((overlap.length == 1) ? overlap[0] : this.defaults.overlap());
	}

	/**
	 * The options of each run: a group expression has no arguments to read, so it is
	 * evaluated once here; a deduplication key would keep every tick after the first from
	 * running.
	 */
	private static TaskOptions runOptions(TaskMethod task) {
		if (task.dedupeKey() != null) {
			throw TaskMethodFactory.fail(task.method(), "is scheduled but has a dedupeKey",
					"Each tick enqueues a run of its own: remove dedupeKey, and use "
							+ "overlap = OverlapPolicy.SKIP_IF_RUNNING to keep runs from piling up.");
		}
		if (task.group() == null) {
			return task.options();
		}
		try {
			Object group = task.group()
				.getValue(new MethodBasedEvaluationContext(null, task.method(), new Object[0], PARAMETER_NAMES));
			return (group != null) ? task.options().group(group.toString()) : task.options();
		}
		catch (ExpressionException | InvalidTaskOptionException ex) {
			throw TaskMethodFactory.fail(task.method(),
					"is scheduled but its group '" + task.group().getExpressionString()
							+ "' cannot be worked out without arguments: " + ex.getMessage(),
					"Give it a constant group, such as @Task(group = \"'reports'\").");
		}
	}

	/** Schedule attributes on a method without a trigger are a mistake, not a no-op. */
	private static void checkUnscheduled(Method method, MergedAnnotation<Task> task, boolean disabled) {
		boolean attributes = StringUtils.hasText(task.getString("zone"))
				|| task.getEnumArray("misfire", MisfirePolicy.class).length > 0
				|| task.getEnumArray("overlap", OverlapPolicy.class).length > 0 || task.getInt("catchUpMax") >= 0;
		if (attributes && !disabled) {
			throw TaskMethodFactory.fail(method, "sets zone, misfire, catchUpMax or overlap without a schedule",
					TRIGGERS + ", or remove those attributes.");
		}
	}

	private static ZoneId zone(Method method, String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw TaskMethodFactory.fail(method, "has an unknown zone '" + zone + "'",
					"Use a region id such as Europe/Paris, UTC, or an offset such as +02:00.");
		}
	}

	private static Duration duration(Method method, String attribute, String text) {
		try {
			return DurationStyle.detectAndParse(text);
		}
		catch (IllegalArgumentException ex) {
			throw TaskMethodFactory.fail(method, "has " + attribute + " '" + text + "', which is not a duration",
					"Write a duration such as 500ms, 30s, 5m or PT5M.");
		}
	}

}
