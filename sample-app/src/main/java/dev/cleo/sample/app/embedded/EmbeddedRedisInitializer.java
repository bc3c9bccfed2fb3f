/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.embedded;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.sample.redis.EmbeddedRedis;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a {@code redis-server} for the application when no Redis is configured, so the
 * sample runs on a fresh machine with one command. The decision waits for the start of
 * the refresh, when every property source (a test's dynamic properties too) is in place:
 * if none of {@code spring.data.redis.url|host|port|sentinel.nodes|cluster.nodes} is set
 * (and {@code sample.embedded-redis.enabled} is not {@code false}) it starts one on a
 * free port and sets {@code spring.data.redis.url} to it. The server is a disposable
 * singleton registered before every other bean, so it is stopped after them when the
 * context closes (worker pools drain first); {@link EmbeddedRedis} also stops it at JVM
 * exit.
 */
public class EmbeddedRedisInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The bean name of the {@link EmbeddedRedis}, when one was started. */
	public static final String BEAN_NAME = "sampleEmbeddedRedis";

	static final String[] REDIS_PROPERTIES = { "spring.data.redis.url", "spring.data.redis.host",
			"spring.data.redis.port", "spring.data.redis.sentinel.nodes", "spring.data.redis.cluster.nodes" };

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedRedisInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.addBeanFactoryPostProcessor(new Starter(context.getEnvironment()));
	}

	static boolean redisConfigured(ConfigurableEnvironment environment) {
		for (String property : REDIS_PROPERTIES) {
			if (environment.containsProperty(property)) {
				return true;
			}
		}
		return !environment.getProperty("sample.embedded-redis.enabled", Boolean.class, true);
	}

	/**
	 * Runs before any other post-processor, so no bean has read the Redis settings yet.
	 */
	private record Starter(ConfigurableEnvironment environment) implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			if (redisConfigured(this.environment)) {
				return;
			}
			String binary = this.environment.getProperty("sample.embedded-redis.executable",
					System.getenv().getOrDefault(EmbeddedRedis.BINARY_ENV, "redis-server"));
			EmbeddedRedis redis = EmbeddedRedis.start(binary);
			DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) registry;
			beanFactory.registerSingleton(BEAN_NAME, redis);
			beanFactory.registerDisposableBean(BEAN_NAME, redis::close);
			this.environment.getPropertySources()
				.addFirst(new MapPropertySource("embeddedRedis", Map.of("spring.data.redis.url", redis.uri())));
			logger.warn("No Redis configured: started an embedded redis-server on port {} (data is not kept). "
					+ "Set spring.data.redis.url to use your own Redis.", redis.port());
		}

	}

}
