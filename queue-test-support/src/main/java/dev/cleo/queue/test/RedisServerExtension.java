package dev.cleo.queue.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension behind {@link RedisTest}. The server lives in the store of the
 * outermost test class, so JUnit closes it (it is {@link AutoCloseable}) after that
 * class's {@code @AfterAll}, and {@code @Nested} classes share it. It is started lazily
 * by whichever needs it first: {@code beforeAll}, or the constructor of a
 * {@code PER_CLASS} test instance.
 */
public class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(RedisServerExtension.class);

	/**
	 * Starts the server for the test class, unless an enclosing class already did.
	 * @param context the class's context
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	/**
	 * Deletes every key, so each test starts from an empty Redis; a server a fault test
	 * left stopped is restarted.
	 * @param context the test's context
	 */
	@Override
	public void beforeEach(ExtensionContext context) {
		RedisServer server = server(context);
		if (server.supportsRestart() && !server.isRunning()) {
			server.restart();
		}
		server.flushAll();
	}

	/**
	 * Supports parameters declared as {@link RedisServer}.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return whether the parameter is a {@link RedisServer}
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RedisServer.class;
	}

	/**
	 * Returns the class's server.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return the running server
	 */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server(extensionContext);
	}

	/**
	 * The server of the test class the context belongs to, for extensions built on this
	 * one; started if no one needed it yet.
	 * @param context any context within a {@link RedisTest} class
	 * @return the running server
	 */
	public static RedisServer server(ExtensionContext context) {
		return outermostClass(context).getStore(NAMESPACE)
			.computeIfAbsent(RedisServer.class, (key) -> RedisServer.start(), RedisServer.class);
	}

	/**
	 * The context of the outermost test class around a context, whose store outlives the
	 * {@code @Nested} classes inside it.
	 */
	static ExtensionContext outermostClass(ExtensionContext context) {
		ExtensionContext root = context.getRoot();
		ExtensionContext current = context;
		while (current.getParent().filter((parent) -> parent != root).isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
