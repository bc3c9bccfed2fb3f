/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.cleo.queue.test.RedisServer;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The one Redis of the JVM's {@code @CleoTest} contexts: started by the first context
 * that needs it, stopped by a shutdown hook after closing the contexts still open, so
 * their workers hand their tasks back while Redis still answers and no
 * {@code redis-server} outlives the JVM.
 */
final class SharedRedis {

	private static final Set<ConfigurableApplicationContext> contexts = ConcurrentHashMap.newKeySet();

	private static RedisServer server;

	private SharedRedis() {
	}

	/**
	 * The server's URL, starting it first when no context started it yet.
	 * @return a {@code redis://} URL
	 */
	static synchronized String url() {
		if (server == null) {
			server = RedisServer.start();
			Runtime.getRuntime().addShutdownHook(new Thread(SharedRedis::stop, "cleo-test-redis-stop"));
		}
		return server.uri();
	}

	/**
	 * Whether the stop at JVM exit is registered, for the tests.
	 * @return true once a server was started
	 */
	static synchronized boolean isStopRegistered() {
		return server != null;
	}

	/**
	 * Close a context before the server at JVM exit, unless it is closed first.
	 * @param context a context that uses the server
	 */
	static void track(ConfigurableApplicationContext context) {
		contexts.add(context);
		context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
			@Override
			public void onApplicationEvent(ContextClosedEvent event) {
				if (event.getApplicationContext() == context) {
					contexts.remove(context);
				}
			}
		});
	}

	private static void stop() {
		// Spring's own hooks may be closing these at the same time; close() waits for
		// them.
		for (ConfigurableApplicationContext context : List.copyOf(contexts)) {
			context.close();
		}
		synchronized (SharedRedis.class) {
			server.close();
		}
	}

}
