/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.TaskOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schedule definitions are checked when they are built, with messages that name the
 * schedule, the culprit and what is accepted.
 */
class ScheduleDefinitionTests {

	@Test
	void invalidCronNamesTheScheduleTheParseErrorAndTheAcceptedFormats() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedule.cron("nightly", "0 61 * * * *"))
			.withMessageContaining("schedule 'nightly'")
			.withMessageContaining("'0 61 * * * *'")
			.withMessageContaining("read as SPRING")
			.withMessageContaining("Value 61 not in range [0, 59]")
			.withMessageContaining("Spring (6 fields: second minute hour day-of-month month day-of-week")
			.withMessageContaining("Unix (5 fields: minute hour day-of-month month day-of-week")
			.withMessageContaining("Quartz (6 or 7 fields");
	}

	@Test
	void expressionWithTheWrongNumberOfFieldsForItsFormatSaysHowManyItHas() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedule.cron("hourly", "0 0 * * * *", ZoneId.of("UTC"), CronFormat.UNIX))
			.withMessageContaining("read as UNIX")
			.withMessageContaining("contains 6 parts");
		assertThatExceptionOfType(InvalidScheduleException.class).isThrownBy(() -> Schedule.cron("empty", " "))
			.withMessageContaining("the expression is empty");
	}

	@Test
	void cronThatNeverFiresIsRefused() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedule.cron("never", "0 0 0 30 2 *"))
			.withMessageContaining("it never fires");
	}

	@Test
	void formatIsDetectedByTheNumberOfFields() {
		assertThat(Trigger.cron("*/5 * * * *").format()).isEqualTo(CronFormat.UNIX);
		assertThat(Trigger.cron("0 */5 * * * *").format()).isEqualTo(CronFormat.SPRING);
		assertThat(Trigger.cron("0 0/5 * ? * * *").format()).isEqualTo(CronFormat.QUARTZ);
		assertThat(Trigger.cron("@daily").format()).isEqualTo(CronFormat.SPRING);
		assertThat(Trigger.cron("0 0 12 ? * MON", ZoneId.of("UTC"), CronFormat.QUARTZ).format())
			.isEqualTo(CronFormat.QUARTZ);
	}

	@Test
	void triggersSurviveEncoding() {
		Trigger cron = Trigger.cron("0 30 2 * * *", ZoneId.of("Europe/Paris"));
		assertThat(Trigger.decode(cron.encode())).isEqualTo(cron);
		assertThat(Trigger.decode(cron.encode()).zone()).isEqualTo(ZoneId.of("Europe/Paris"));
		Trigger rate = Trigger.fixedRate(Duration.ofSeconds(5));
		assertThat(Trigger.decode(rate.encode()).period()).isEqualTo(Duration.ofSeconds(5));
		assertThat(Trigger.decode(Trigger.fixedDelay(Duration.ofMillis(250)).encode()).kind())
			.isEqualTo(Trigger.Kind.FIXED_DELAY);
	}

	@Test
	void periodsOutOfRangeAreRefused() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedule.fixedRate("fast", Duration.ofMillis(1)))
			.withMessageContaining("schedule 'fast': fixed rate must be between 10 ms and 365 days, was PT0.001S");
		assertThatExceptionOfType(InvalidScheduleException.class).isThrownBy(() -> Schedule.fixedDelay("none", null))
			.withMessageContaining("fixed delay must be between");
	}

	@Test
	void optionsThatClashWithATriggerAreRefused() {
		Schedule schedule = Schedule.fixedRate("rate", Duration.ofSeconds(1));
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> schedule.options(TaskOptions.defaults().dedupeId("x")))
			.withMessageContaining("schedule 'rate': a dedupe id is not taken");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> schedule.options(TaskOptions.defaults().delay(Duration.ofSeconds(1))))
			.withMessageContaining("a delay or run-at time is not taken");
	}

	@Test
	void namesAndPolicyBoundsAreChecked() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedule.fixedRate("", Duration.ofSeconds(1)))
			.withMessageContaining("schedule name must be 1 to 200 characters");
		Schedule schedule = Schedule.fixedRate("rate", Duration.ofSeconds(1));
		assertThatExceptionOfType(InvalidScheduleException.class).isThrownBy(() -> schedule.catchUp(0))
			.withMessageContaining("catch-up maximum must be between 1 and 1000, was 0");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> schedule.misfireThreshold(Duration.ofMillis(10)))
			.withMessageContaining("misfire threshold must be between 100 ms and 7 days");
		assertThatExceptionOfType(InvalidScheduleException.class).isThrownBy(() -> schedule.task(" ", null))
			.withMessageContaining("schedule 'rate': task name must be 1 to 200 characters");
	}

	@Test
	void defaultsFireOnceAllowOverlapAndEnqueueATaskNamedLikeTheSchedule() {
		Schedule schedule = Schedule.cron("cleanup", "0 0 * * * *");
		assertThat(schedule.taskName()).isEqualTo("cleanup");
		assertThat(schedule.queue()).isEqualTo(TaskOptions.DEFAULT_QUEUE);
		assertThat(schedule.misfire()).isEqualTo(MisfirePolicy.FIRE_ONCE);
		assertThat(schedule.overlap()).isEqualTo(OverlapPolicy.ALLOW);
		assertThat(schedule.misfireThreshold()).isEqualTo(Duration.ofMinutes(1));
		assertThat(schedule.trigger().zone()).isEqualTo(ZoneId.of("Z"));
		assertThat(schedule.catchUp(5).misfire()).isEqualTo(MisfirePolicy.CATCH_UP);
	}

}
