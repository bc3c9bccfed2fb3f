/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.CleoSettings;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.autoconfigure.actuate.CleoHealthProperties;
import dev.cleo.queue.autoconfigure.aop.TaskMethodRequests;
import dev.cleo.queue.autoconfigure.aop.TaskProxyPostProcessor;

/**
 * QueueFlow's HTTP API on Spring MVC: only in a servlet web application, and only when
 * {@code cleo.web.api.enabled=true}. Uses the queues, reads and write gate of
 * {@code CleoAutoConfiguration}.
 */
@AutoConfiguration(afterName = "dev.cleo.queue.autoconfigure.CleoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty("cleo.web.api.enabled")
@ConditionalOnBean({ QueueManager.class, RedisReads.class, WriteAccess.class, ApplicationQueues.class })
@EnableConfigurationProperties(CleoWebApiProperties.class)
public final class CleoWebApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JobsController cleoJobsController(QueueManager manager, CleoWebApiProperties properties, ApplicationQueues known,
			RedisReads reads, WriteAccess writes, ObjectProvider<CleoSettings> settings,
			ObjectProvider<TaskProxyPostProcessor> proxies, ObjectProvider<JsonMapper> mapper) {
		ApiQueues queues = new ApiQueues(known, properties);
		TaskMethodRequests methods = proxies.stream().findFirst().map(TaskProxyPostProcessor::requests).orElse(null);
		// the workers read arguments with the application's mapper; so does the API,
		// strictly
		MethodArguments arguments = new MethodArguments(
				StrictJson.argumentMapper(mapper.getIfUnique(() -> JsonMapper.builder().build())));
		JobRequests requests = new JobRequests(new ExposedTasks(manager, properties, methods), queues, properties,
				queueDefaults(settings.getIfAvailable()), methods, arguments);
		return new JobsController(manager, bodies(manager), requests, new JobLookup(manager, reads, queues, properties),
				reads, writes);
	}

	@Bean
	@ConditionalOnMissingBean
	OperationsController cleoOperationsController(QueueManager manager, CleoWebApiProperties properties,
			ApplicationQueues known, RedisReads reads, WriteAccess writes, Environment environment) {
		return new OperationsController(manager, bodies(manager), new ApiQueues(known, properties), reads, writes,
				properties, healthTimeout(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	HistoryController cleoHistoryController(QueueManager manager, CleoWebApiProperties properties,
			ApplicationQueues known, RedisReads reads, WriteAccess writes) {
		return new HistoryController(manager.history(), new ApiQueues(known, properties), reads, writes);
	}

	@Bean
	@ConditionalOnMissingBean
	TasksController cleoTasksController(QueueManager manager, CleoWebApiProperties properties, ApplicationQueues known,
			RedisReads reads, WriteAccess writes) {
		return new TasksController(manager, new ApiQueues(known, properties), reads, writes, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	WorkersController cleoWorkersController(QueueManager manager, CleoWebApiProperties properties,
			ApplicationQueues known, RedisReads reads) {
		return new WorkersController(manager, manager.history(), new ApiQueues(known, properties), reads);
	}

	@Bean
	@ConditionalOnMissingBean
	EventsController cleoEventsController(QueueManager manager, CleoWebApiProperties properties,
			ApplicationQueues known, WriteAccess writes) {
		return new EventsController(manager, new ApiQueues(known, properties), writes);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiExceptionHandler cleoApiExceptionHandler(CleoWebApiProperties properties) {
		return new ApiExceptionHandler(properties.getBasePath());
	}

	/** Bodies are bounded by the core's limit, which cleo.max-payload-size sets. */
	private static ApiBodies bodies(QueueManager manager) {
		return new ApiBodies(StrictJson.requestMapper(), DataSize.ofBytes(manager.maxPayloadSize()));
	}

	private static Function<String, TaskOptions> queueDefaults(CleoSettings settings) {
		return (settings != null) ? settings::taskOptions : (queue) -> TaskOptions.defaults().queue(queue);
	}

	/**
	 * {@code cleo.health.timeout}, bound here as well because Actuator, which binds
	 * {@link CleoHealthProperties} otherwise, may be absent; the default stays there.
	 */
	private static Duration healthTimeout(Environment environment) {
		return Binder.get(environment)
			.bind("cleo.health.timeout", Duration.class)
			.orElseGet(() -> new CleoHealthProperties().getTimeout());
	}

}
