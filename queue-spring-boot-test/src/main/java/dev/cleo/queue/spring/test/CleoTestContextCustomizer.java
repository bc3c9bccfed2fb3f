/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Adds {@code spring.data.redis.url} (the shared Redis) and {@code cleo.key-prefix} to a
 * test context, just below the test's own inlined properties. Equal for the test classes
 * under one {@link CleoTest} declaration, so that they share a cached context.
 */
final class CleoTestContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "cleoTest";

	private final Class<?> declaringClass;

	private final String keyPrefix;

	CleoTestContextCustomizer(Class<?> declaringClass, String keyPrefix) {
		this.declaringClass = declaringClass;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME,
				Map.of("spring.data.redis.url", SharedRedis.url(), "cleo.key-prefix", this.keyPrefix));
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
		if (sources.contains(inlined)) {
			sources.addAfter(inlined, source);
		}
		else {
			sources.addFirst(source);
		}
		SharedRedis.track(context);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CleoTestContextCustomizer customizer
				&& this.declaringClass.equals(customizer.declaringClass);
	}

	@Override
	public int hashCode() {
		return this.declaringClass.hashCode();
	}

}
