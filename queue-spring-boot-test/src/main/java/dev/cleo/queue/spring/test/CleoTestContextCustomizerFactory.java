/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextAnnotationUtils.AnnotationDescriptor;

/**
 * Gives the contexts of test classes with {@link CleoTest} the shared Redis and a key
 * prefix of the class that declares the annotation; other test classes get nothing.
 */
final class CleoTestContextCustomizerFactory implements ContextCustomizerFactory {

	private static final Map<Class<?>, String> prefixes = new ConcurrentHashMap<>();

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AnnotationDescriptor<CleoTest> found = TestContextAnnotationUtils.findAnnotationDescriptor(testClass,
				CleoTest.class);
		if (found == null) {
			return null;
		}
		Class<?> declaring = found.getRootDeclaringClass();
		return new CleoTestContextCustomizer(declaring, prefixes.computeIfAbsent(declaring, (type) -> newPrefix()));
	}

	private static String newPrefix() {
		byte[] random = new byte[5];
		ThreadLocalRandom.current().nextBytes(random);
		return "test-" + HexFormat.of().formatHex(random);
	}

}
