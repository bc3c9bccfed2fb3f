/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.Set;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.cleo.queue.test.RedisServerExtension;

/**
 * JUnit extension behind {@link QueueManagerTest}: resolves {@link QueueManager} and
 * {@link QueueManagers} parameters. A context's {@link QueueManagers} lives in that
 * context's store (a test method's, for its {@code @BeforeEach} and {@code @AfterEach}
 * methods too), so JUnit closes it, and with it every manager of the test, once the
 * test's {@code @AfterEach} methods have run.
 */
public class QueueManagerExtension implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(QueueManagerExtension.class);

	private static final Set<Class<?>> RESOLVED = Set.of(QueueManager.class, QueueManagers.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return RESOLVED.contains(parameterContext.getParameter().getType());
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		QueueManagers managers = extensionContext.getStore(NAMESPACE)
			.computeIfAbsent(QueueManagers.class,
					(key) -> new QueueManagers(RedisServerExtension.server(extensionContext)), QueueManagers.class);
		boolean wantsFactory = parameterContext.getParameter().getType() == QueueManagers.class;
		return wantsFactory ? managers : managers.standard();
	}

}
