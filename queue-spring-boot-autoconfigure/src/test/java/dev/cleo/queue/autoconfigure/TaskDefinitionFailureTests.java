/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;

import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task methods that cannot work fail the start with a Description / Action report.
 */
@RedisTest
class TaskDefinitionFailureTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "cleo.worker.enabled=false");
	}

	@Test
	void failureAnalyzerIsRegistered() throws IOException {
		List<String> analyzers = new ArrayList<>();
		for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
			Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
			analyzers.add(factories.getProperty(FailureAnalyzer.class.getName(), ""));
		}
		assertThat(analyzers).anyMatch((names) -> names.contains(TaskDefinitionFailureAnalyzer.class.getName()));
	}

	@Test
	void wrongReturnTypeFailsTheStart() {
		this.runner.withBean(EmailService.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("Task method EmailService.send(..) must return void, CompletableFuture or TaskHandle");
			assertThat(analysis.getAction()).contains("return void, CompletableFuture<T>", "Future<String>");
		});
	}

	@Test
	void aGroupExpressionReadingNoParameterFailsTheStartNamingIt() {
		this.runner.withBean(TypoGroupService.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Task method TypoGroupService.place(..) has a group "
					+ "expression '#ordr.customerId' that reads [#ordr], which no parameter is named");
			assertThat(analysis.getAction()).contains("#order", "#p0");
		});
	}

	@Test
	void expressionsOverParametersByNameOrPositionStart() {
		this.runner.withBean(GroupedService.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void streamParameterFailsTheStart() {
		this.runner.withBean(UploadService.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith(
					"Task method UploadService.upload(..) cannot carry " + "parameter 1 (java.io.InputStream) as JSON");
			assertThat(analysis.getAction()).contains("concrete type");
		});
	}

	@Test
	void interfaceInsideAListFailsTheStart() {
		this.runner.withBean(CallbackListService.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription()).contains(
					"CallbackListService.take(..)", "java.util.List<java.lang.Runnable>",
					"Runnable is an interface that Jackson cannot create"));
	}

	@Test
	void objectParameterFailsTheStartWhenTheMapperHasDefaultTypingOn() {
		JsonMapper typing = JsonMapper.builder()
			.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(),
					DefaultTyping.NON_FINAL)
			.build();
		this.runner.withBean(ObjectService.class)
			.withBean(JsonMapper.class, () -> typing)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("ObjectService.take(..)", "java.util.List<java.lang.Object>", "default typing on"));
	}

	@Test
	void finalMethodOfAQueueClassFailsTheStart() {
		this.runner.withBean(FinalQueueClass.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Task method FinalQueueClass.send(..) is final; "
					+ "CGLIB proxies cannot intercept it, so a call would run inline");
			assertThat(analysis.getAction()).contains("Remove final");
		});
	}

	@Test
	void finalTaskMethodFailsTheStart() {
		this.runner.withBean(FinalTask.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.startsWith("Task method FinalTask.run(..) is final"));
	}

	@Test
	void lambdaParameterFailsTheStart() {
		this.runner.withBean(CallbackService.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("CallbackService.run(..)", "Runnable is an interface that Jackson cannot create"));
	}

	@Test
	void duplicateTaskIdFailsTheStart() {
		this.runner.withBean(FirstJob.class).withBean(SecondJob.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("has the id 'nightly'", "FirstJob.run(..)",
					"SecondJob.run(..)");
			assertThat(analysis.getAction()).contains("@Task(id = ");
		});
	}

	@Test
	void twoMethodsOfOneBeanWithOneIdFailTheStart() {
		this.runner.withBean(TwinJobs.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("has the id 'twin'", "TwinJobs.first(..)", "TwinJobs.second(..)"));
	}

	@Test
	void invalidCronFailsTheStartNamingTheMethodAndTheAcceptedFormats() {
		this.runner.withBean(BadCron.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith("Task method BadCron.run(..) has an invalid schedule")
				.contains("invalid cron expression '0 61 * * * *'", "Accepted formats: Spring (6 fields",
						"Unix (5 fields", "Quartz (6 or 7 fields");
			assertThat(analysis.getAction()).contains("cron", "cleo.schedules.cron-format");
		});
	}

	@Test
	void scheduledMethodWithParametersFailsTheStart() {
		this.runner.withBean(ScheduledWithArguments.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("Task method ScheduledWithArguments.run(..) is scheduled but takes parameters");
			assertThat(analysis.getAction()).contains("take none");
		});
	}

	@Test
	void cronAndFixedRateTogetherFailTheStart() {
		this.runner.withBean(TwoTriggers.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("Task method TwoTriggers.run(..) sets more than one of cron, fixedRate and fixedDelay"));
	}

	@Test
	void declaredScheduleWithoutAnApplicationNameFailsTheStart() {
		this.runner.withBean(Hourly.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("[Hourly.run]", "no name to own them");
			assertThat(analysis.getAction()).contains("spring.application.name", "cleo.schedules.owner");
		});
	}

	@Test
	void applicationNameOwnsTheDeclaredSchedules() {
		this.runner.withBean(Hourly.class)
			.withPropertyValues("spring.application.name=billing")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new TaskDefinitionFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	@QueueClass
	public static class EmailService {

		public Future<String> send(String to) {
			return null;
		}

	}

	@QueueClass(queue = "orders")
	public static class TypoGroupService {

		@Task(group = "#ordr.customerId")
		public void place(Order order) {
		}

	}

	@QueueClass(queue = "orders")
	public static class GroupedService {

		@Task(group = "#order.customerId", dedupeKey = "#p0.id + '-' + #a1")
		public void place(Order order, String channel) {
		}

	}

	public record Order(String id, String customerId) {
	}

	public static class UploadService {

		@Task
		public void upload(InputStream content) {
		}

	}

	public static class ObjectService {

		@Task
		public void take(List<Object> values) {
		}

	}

	public static class CallbackListService {

		@Task
		public void take(List<Runnable> callbacks) {
		}

	}

	@QueueClass
	public static class FinalQueueClass {

		public final void send(String to) {
		}

		public final String getName() {
			return "getters are no tasks, final or not";
		}

	}

	public static class FinalTask {

		@Task
		public final void run() {
		}

	}

	public static class CallbackService {

		@Task
		public void run(Runnable callback) {
		}

	}

	public static class FirstJob {

		@Task(id = "nightly")
		public void run() {
		}

	}

	public static class SecondJob {

		@Task(id = "nightly")
		public void run() {
		}

	}

	public static class BadCron {

		@Task(cron = "0 61 * * * *")
		public void run() {
		}

	}

	public static class ScheduledWithArguments {

		@Task(fixedRate = "1m")
		public void run(String region) {
		}

	}

	public static class TwoTriggers {

		@Task(cron = "0 0 * * * *", fixedRate = "1h")
		public void run() {
		}

	}

	public static class Hourly {

		@Task(cron = "0 0 * * * *")
		public void run() {
		}

	}

	public static class TwinJobs {

		@Task(id = "twin")
		public void first() {
		}

		@Task(id = "twin")
		public void second() {
		}

	}

}
