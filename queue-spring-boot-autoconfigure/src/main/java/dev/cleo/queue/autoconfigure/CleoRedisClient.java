/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;

import dev.cleo.queue.redis.RedisEndpoint;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Lettuce client Cleo's {@code QueueManager} works on: configured exactly as the
 * application's {@link LettuceConnectionFactory} (the same standalone, Sentinel or
 * Cluster configuration, the same client configuration with its TLS, timeouts, client
 * name and options, the same {@code ClientResources} and so the same event loops), but
 * with a life of its own, from the manager's creation to its close.
 * <p>
 * Why not the factory's own client: the factory shuts its client down whenever the
 * context stops and makes a new one when it starts again, which Spring's test context
 * cache does to every cached context between test classes. The manager's connections
 * would then belong to a client that is gone. Internal.
 */
final class CleoRedisClient implements AutoCloseable {

	private final LettuceConnectionFactory factory;

	private CleoRedisClient(LettuceConnectionFactory factory) {
		this.factory = factory;
	}

	/**
	 * A client configured as the application's connection factory.
	 * @param application the application's connection factory
	 * @return the client, not yet connected
	 */
	static CleoRedisClient like(LettuceConnectionFactory application) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration(application),
				application.getClientConfiguration());
		// Not a bean: no context stops it. It opens no connection of its own here.
		factory.setEarlyStartup(false);
		factory.afterPropertiesSet();
		factory.start();
		return new CleoRedisClient(factory);
	}

	private static RedisConfiguration configuration(LettuceConnectionFactory application) {
		if (application.isClusterAware()) {
			return application.getClusterConfiguration();
		}
		if (application.isRedisSentinelAware()) {
			return application.getSentinelConfiguration();
		}
		if (application.getSocketConfiguration() != null) {
			return application.getSocketConfiguration();
		}
		return application.getStandaloneConfiguration();
	}

	/**
	 * Where the manager finds Redis; the client stays this object's to close.
	 * @return the endpoint
	 */
	RedisEndpoint endpoint() {
		AbstractRedisClient client = this.factory.getRequiredNativeClient();
		if (client instanceof RedisClusterClient cluster) {
			return RedisEndpoint.cluster(cluster);
		}
		return RedisEndpoint.client((RedisClient) client);
	}

	@Override
	public void close() {
		// Shuts the client down; ClientResources given by the application stay its own.
		this.factory.destroy();
	}

}
