package dev.cleo.queue.test;

import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.lettuce.core.cluster.RedisClusterClient;

/**
 * JUnit extension that starts one {@link RedisCluster} for a test class (the class is
 * skipped when {@code redis-server} or {@code redis-cli} is missing) and injects it, or
 * one Cluster client shared by the class, into any {@code @BeforeAll}, lifecycle or test
 * method parameter of type {@link RedisCluster} or {@link RedisClusterClient}. Both are
 * closed, the client first, after the class's {@code @AfterAll}. Unlike a standalone
 * server, a cluster is not flushed between tests: tests keep apart by key prefix.
 */
public class RedisClusterExtension implements BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(RedisClusterExtension.class);

	/**
	 * Skips the class when the binaries are missing, else starts its cluster.
	 * @param context the class's context
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		RedisCluster.assumeAvailable();
		shared(context);
	}

	/**
	 * Supports parameters declared as {@link RedisCluster} or {@link RedisClusterClient}.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return whether the parameter is one of those
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == RedisCluster.class || type == RedisClusterClient.class;
	}

	/**
	 * Returns the class's cluster or its client.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return the running cluster or the shared client
	 */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		SharedCluster shared = shared(extensionContext);
		return (parameterContext.getParameter().getType() == RedisCluster.class) ? shared.cluster : shared.client();
	}

	private static SharedCluster shared(ExtensionContext context) {
		return RedisServerExtension.outermostClass(context)
			.getStore(NAMESPACE)
			.computeIfAbsent(SharedCluster.class, (key) -> new SharedCluster(RedisCluster.start()),
					SharedCluster.class);
	}

	/**
	 * A class's cluster and the client made for it on first use.
	 */
	private static final class SharedCluster implements AutoCloseable {

		private final RedisCluster cluster;

		private RedisClusterClient client;

		SharedCluster(RedisCluster cluster) {
			this.cluster = cluster;
		}

		synchronized RedisClusterClient client() {
			if (this.client == null) {
				this.client = this.cluster.newClient();
			}
			return this.client;
		}

		@Override
		public synchronized void close() {
			if (this.client != null) {
				this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			}
			this.cluster.close();
		}

	}

}
