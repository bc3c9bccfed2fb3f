/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.annotation.DefaultOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.CleoProperties;
import dev.cleo.queue.autoconfigure.CleoSettings;
import dev.cleo.queue.schedule.CronFormat;
import dev.cleo.queue.schedule.MisfirePolicy;
import dev.cleo.queue.schedule.OverlapPolicy;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.schedule.Trigger;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a {@code @Task(cron/fixedRate/fixedDelay)} method declares, and what it may not:
 * each refusal names the method and says what is allowed.
 */
class TaskScheduleFactoryTests {

	@Test
	void scheduleIsNamedByTheTaskIdAndEnqueuesTheMethodWithNoArguments() {
		Schedule schedule = schedule("report");
		assertThat(schedule.name()).isEqualTo("Jobs.report");
		assertThat(schedule.taskName()).isEqualTo("Jobs.report");
		assertThat(schedule.payload()).isEqualTo(List.of());
		assertThat(schedule.queue()).isEqualTo("jobs");
		assertThat(schedule.trigger()).isEqualTo(Trigger.cron("0 0 * * * *", ZoneOffset.UTC));
		assertThat(schedule.misfire()).isEqualTo(MisfirePolicy.FIRE_ONCE);
		assertThat(schedule.overlap()).isEqualTo(OverlapPolicy.ALLOW);
	}

	@Test
	void methodWithoutTriggerDeclaresNoSchedule() {
		assertThat(create("plain", (properties) -> {
		}).schedule()).isNull();
	}

	@Test
	void disabledCronDeclaresNoScheduleButKeepsTheTask() {
		TaskMethod task = create("disabled", (properties) -> {
		});
		assertThat(task.schedule()).isNull();
		assertThat(task.id()).isEqualTo("Jobs.disabled");
	}

	@Test
	void annotationPoliciesWinOverTheProperties() {
		Schedule schedule = create("catchUp", (properties) -> {
			properties.getSchedules().setMisfire(MisfirePolicy.SKIP);
			properties.getSchedules().setOverlap(OverlapPolicy.SKIP_IF_RUNNING);
		}).schedule();
		assertThat(schedule.misfire()).isEqualTo(MisfirePolicy.CATCH_UP);
		assertThat(schedule.catchUpMax()).isEqualTo(5);
		assertThat(schedule.overlap()).isEqualTo(OverlapPolicy.ALLOW);
		assertThat(schedule.trigger()).isEqualTo(Trigger.fixedRate(Duration.ofSeconds(30)));
	}

	@Test
	void constantGroupIsWorkedOutOnce() {
		assertThat(schedule("grouped").options().group()).isEqualTo("reports");
	}

	@Test
	void configuredCronFormatReadsTheExpression() {
		Schedule schedule = create("quartz", (properties) -> properties.getSchedules().setCronFormat(CronFormat.QUARTZ))
			.schedule();
		assertThat(schedule.trigger().format()).isEqualTo(CronFormat.QUARTZ);
		assertThat(refusal("unix", (properties) -> properties.getSchedules().setCronFormat(CronFormat.SPRING)))
			.contains("Jobs.unix(..) has an invalid schedule", "read as SPRING");
	}

	@Test
	void refusalsNameTheMethodAndWhatIsAllowed() {
		assertThat(refusal("zoneWithoutCron"))
			.contains("Jobs.zoneWithoutCron(..) sets zone 'Europe/Paris' without cron");
		assertThat(refusal("unknownZone")).contains("has an unknown zone 'Mars/Olympus'");
		assertThat(refusal("policyWithoutTrigger"))
			.contains("sets zone, misfire, catchUpMax or overlap without a schedule");
		assertThat(refusal("misfireOnDelay")).contains("sets a misfire policy on a fixedDelay schedule");
		assertThat(refusal("catchUpMaxWithoutCatchUp")).contains("sets catchUpMax with the misfire policy FIRE_ONCE");
		assertThat(refusal("notADuration")).contains("has fixedDelay 'soon', which is not a duration");
		assertThat(refusal("deduplicated")).contains("is scheduled but has a dedupeKey");
		assertThat(refusal("tooFast")).contains("fixed rate must be between 10 ms and 365 days");
	}

	@Test
	void groupOverArgumentsIsRefusedOnAScheduledMethod() {
		assertThatExceptionOfType(TaskDefinitionException.class).isThrownBy(() -> factory((properties) -> {
		}).create(ReflectionUtils.findMethod(Grouped.class, "tick"), Grouped.class))
			.withMessageContaining("Grouped.tick(..) is scheduled but its group '#order.customerId'")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("constant group"));
	}

	private static Schedule schedule(String method) {
		return create(method, (properties) -> {
		}).schedule();
	}

	private static String refusal(String method) {
		return refusal(method, (properties) -> {
		});
	}

	private static String refusal(String method, Consumer<CleoProperties> customizer) {
		try {
			create(method, customizer);
		}
		catch (TaskDefinitionException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("Jobs." + method + "(..) was not refused");
	}

	private static TaskMethod create(String method, Consumer<CleoProperties> customizer) {
		return factory(customizer).create(ReflectionUtils.findMethod(Jobs.class, method), Jobs.class);
	}

	private static TaskMethodFactory factory(Consumer<CleoProperties> customizer) {
		CleoProperties properties = new CleoProperties();
		customizer.accept(properties);
		return new TaskMethodFactory(new CleoSettings(properties, false), JsonMapper.builder().build());
	}

	@QueueClass(queue = "jobs")
	static class Jobs {

		@Task(cron = "0 0 * * * *")
		public void report() {
		}

		@Task(cron = "0 0 * * *")
		public void unix() {
		}

		@Task(cron = "0 0 12 ? * MON")
		public void quartz() {
		}

		public void plain() {
		}

		@Task(cron = "-", zone = "Europe/Paris")
		public void disabled() {
		}

		@Task(fixedRate = "30s", misfire = MisfirePolicy.CATCH_UP, catchUpMax = 5, overlap = OverlapPolicy.ALLOW)
		public void catchUp() {
		}

		@Task(fixedRate = "1m", group = "'reports'")
		public void grouped() {
		}

		@Task(fixedRate = "1m", zone = "Europe/Paris")
		public void zoneWithoutCron() {
		}

		@Task(cron = "0 0 * * * *", zone = "Mars/Olympus")
		public void unknownZone() {
		}

		@Task(overlap = OverlapPolicy.SKIP_IF_RUNNING)
		public void policyWithoutTrigger() {
		}

		@Task(fixedDelay = "1m", misfire = MisfirePolicy.SKIP)
		public void misfireOnDelay() {
		}

		@Task(cron = "0 0 * * * *", catchUpMax = 3)
		public void catchUpMaxWithoutCatchUp() {
		}

		@Task(fixedDelay = "soon")
		public void notADuration() {
		}

		@Task(fixedRate = "1m", dedupeKey = "'once'")
		public void deduplicated() {
		}

		@Task(fixedRate = "1ms")
		public void tooFast() {
		}

	}

	record Order(String customerId) {
	}

	@QueueClass(defaultOptions = @DefaultOptions(group = "#order.customerId"))
	static class Grouped {

		@Task(fixedRate = "1m")
		public void tick() {
		}

	}

}
