/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.lettuce.core.RedisConnectionException;
import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.JacksonTaskSerializer;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerBuilder;
import dev.cleo.queue.QueueUnavailableException;
import dev.cleo.queue.TaskSerializer;
import dev.cleo.queue.autoconfigure.aop.TaskProxyPostProcessor;
import dev.cleo.queue.history.TaskHistoryService;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * Cleo on Spring Boot: a {@link QueueManager} on a Lettuce client configured as the one
 * Spring Boot built from {@code spring.data.redis.*} (so URL, ACL, SSL bundles, Sentinel
 * and Cluster work as configured there; a client of Cleo's own, which lives as long as
 * the manager, while Spring's connection factory replaces its client whenever the context
 * stops and starts), the {@code @Task} proxy, task handlers, declared schedules and
 * worker pools (one {@link WorkerPoolRegistry} runs the pools of the
 * {@link WorkerPoolPlan}; neither exists with {@code cleo.worker.enabled=false}, which
 * leaves a producer-only instance).
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ QueueManager.class, LettuceConnectionFactory.class })
@EnableConfigurationProperties(CleoProperties.class)
public final class CleoAutoConfiguration {

	private static final String SPRING_SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TaskProxyPostProcessor cleoTaskProxyPostProcessor(ObjectProvider<CleoSettings> settings) {
		// Asked for lazily: a post-processor is created before the beans it processes.
		return new TaskProxyPostProcessor(settings::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	CleoSettings cleoSettings(CleoProperties properties, Environment environment) {
		QueuePropertyNames.check(environment);
		return new CleoSettings(properties,
				environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false),
				environment.getProperty("spring.application.name"), ShutdownTimeout.phaseTimeout(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationQueues cleoApplicationQueues(CleoProperties properties) {
		return new ApplicationQueues(properties.getQueues().keySet());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	RedisReads cleoRedisReads(CleoProperties properties) {
		return new RedisReads(properties.getRequestTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	WriteAccess cleoWriteAccess(CleoProperties properties) {
		boolean enabled = properties.getWriteOperations().isEnabled();
		if (ClassUtils.isPresent(SPRING_SECURITY_CONTEXT, CleoAutoConfiguration.class.getClassLoader())) {
			return new WriteAccess(enabled, SecurityAuthorities::current);
		}
		return WriteAccess.withoutSecurity(enabled);
	}

	@Bean
	@ConditionalOnMissingBean
	TaskSerializer cleoTaskSerializer(ObjectProvider<JsonMapper> mapper) {
		// Spring's mapper carries the application's modules; default typing stays off.
		return new JacksonTaskSerializer(mapper.getIfUnique(() -> JsonMapper.builder().build()));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(QueueManager.class)
	@ConditionalOnBean(LettuceConnectionFactory.class)
	CleoRedisClient cleoRedisClient(LettuceConnectionFactory connectionFactory) {
		return CleoRedisClient.like(connectionFactory);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@ConditionalOnBean(CleoRedisClient.class)
	QueueManager queueManager(CleoRedisClient redisClient, LettuceConnectionFactory connectionFactory,
			CleoSettings settings, TaskSerializer serializer, ObjectProvider<QueueManagerBuilderCustomizer> customizers,
			Environment environment) {
		QueueManagerBuilder builder = QueueManager.builder()
			.keyPrefix(settings.keyPrefix())
			.commandTimeout(settings.commandTimeout())
			.retention(settings.retention())
			.serializer(serializer)
			.maxPayloadSize(settings.properties().getMaxPayloadSize().toBytes())
			.history(settings.properties().getHistory().toOptions());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		try {
			return builder.redis(redisClient.endpoint()).build();
		}
		catch (QueueUnavailableException ex) {
			if (ex.getCause() instanceof RedisConnectionException) {
				throw RedisStartupFailure.of(ex, connectionFactory, environment);
			}
			throw ex;
		}
	}

	@Bean
	@ConditionalOnBean(QueueManager.class)
	TaskHistoryService cleoTaskHistory(QueueManager manager) {
		return manager.history();
	}

	@Bean
	@ConditionalOnBean(QueueManager.class)
	ApplicationEventBridge cleoApplicationEventBridge(QueueManager manager, CleoProperties properties,
			ApplicationEventPublisher publisher) {
		return new ApplicationEventBridge(manager, properties.getEvents().getApplicationEvents(), publisher);
	}

	// Declared after queueManager(), so that the condition sees that bean. Meters and
	// the health check share these counts, so Redis is read once for all of them.
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@ConditionalOnBean(QueueManager.class)
	QueueReadings cleoQueueReadings(QueueManager manager, ApplicationQueues queues, CleoProperties properties) {
		return new QueueReadings(queues, manager::workerPools, manager::countsAsync, properties.getRequestTimeout());
	}

	// The start-up steps below run once every bean exists (only then are all task methods
	// known), in the order declared here: group settings, handlers, the declared
	// schedules,
	// the pool beans. Then the context starts the reconciler and, after it, the pools.

	@Bean
	GroupSettingsWriter cleoGroupSettingsWriter(QueueManager manager, CleoProperties properties) {
		return new GroupSettingsWriter(manager, properties.getQueues());
	}

	@Bean
	CleoTaskRegistrar cleoTaskRegistrar(QueueManager manager, TaskProxyPostProcessor proxies,
			ListableBeanFactory beanFactory, ApplicationQueues queues) {
		return new CleoTaskRegistrar(manager, proxies.registry(), beanFactory,
				new HandledQueues(proxies.registry(), beanFactory), queues);
	}

	@Bean
	UnusedQueueWarning cleoUnusedQueueWarning(CleoProperties properties, TaskProxyPostProcessor proxies,
			ListableBeanFactory beanFactory, Environment environment) {
		HandledQueues handled = new HandledQueues(proxies.registry(), beanFactory);
		return new UnusedQueueWarning(properties.getQueues().keySet(), () -> {
			Set<String> used = new HashSet<>(handled.get());
			properties.getWorker().getPools().values().forEach((pool) -> used.addAll(pool.getQueues()));
			used.addAll(Binder.get(environment)
				.bind("cleo.web.api.task-queues", Bindable.mapOf(String.class, String.class))
				.orElseGet(Map::of)
				.values());
			return used;
		});
	}

	@Bean
	UnknownTaskIdWarning cleoUnknownTaskIdWarning(CleoSettings settings, TaskProxyPostProcessor proxies) {
		return new UnknownTaskIdWarning(settings.configuredTaskIds(), proxies.registry()::ids);
	}

	@Bean
	ScheduleReconciler cleoScheduleReconciler(QueueManager manager, TaskProxyPostProcessor proxies,
			CleoSettings settings) {
		return new ScheduleReconciler(manager, proxies.registry()::schedules, settings.schedules());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "cleo.worker.enabled", matchIfMissing = true)
	WorkerPoolPlan cleoWorkerPoolPlan(CleoSettings settings, TaskProxyPostProcessor proxies,
			ListableBeanFactory beanFactory) {
		return new WorkerPoolPlanner(settings, new HandledQueues(proxies.registry(), beanFactory));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "cleo.worker.enabled", matchIfMissing = true)
	@ConditionalOnBean(WorkerPoolPlan.class)
	WorkerPoolRegistry cleoWorkerPoolRegistry(QueueManager manager, WorkerPoolPlan plan, ApplicationQueues queues) {
		return new WorkerPoolRegistry(manager, plan, queues);
	}

}
