/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.Objects;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;

import dev.cleo.queue.QueueUnavailableException;

/**
 * Where a {@code QueueManager} finds Redis: a URI, for which the manager creates the
 * client and closes it with itself, or a Lettuce client the application configured
 * (standalone, Sentinel or Cluster; ACL, TLS and timeouts as set on that client) and
 * keeps owning. Pass it to {@code QueueManagerBuilder.redis(RedisEndpoint)}; this type is
 * the one public part of this package, so the rest of the API needs no Lettuce type.
 */
public final class RedisEndpoint {

	private final Supplier<RedisConnector> connect;

	private RedisEndpoint(Supplier<RedisConnector> connect) {
		this.connect = connect;
	}

	/**
	 * A Redis URI, for example {@code redis://user:secret@localhost:6379/0} or
	 * {@code rediss://...} for TLS; the manager owns and closes the client it creates.
	 * @param uri the URI
	 * @return the endpoint
	 * @throws IllegalArgumentException when the URI cannot be read (at this call)
	 */
	public static RedisEndpoint uri(String uri) {
		RedisURI parsed = RedisURI.create(uri);
		return new RedisEndpoint(() -> RedisConnector.of(RedisClient.create(parsed), true));
	}

	/**
	 * A standalone or Sentinel client; the application keeps ownership of it.
	 * @param client the client
	 * @return the endpoint
	 */
	public static RedisEndpoint client(RedisClient client) {
		Objects.requireNonNull(client, "client must not be null");
		return new RedisEndpoint(() -> RedisConnector.of(client, false));
	}

	/**
	 * A Cluster client; the application keeps ownership of it.
	 * @param client the client
	 * @return the endpoint
	 */
	public static RedisEndpoint cluster(RedisClusterClient client) {
		Objects.requireNonNull(client, "client must not be null");
		return new RedisEndpoint(() -> RedisConnector.of(client, false));
	}

	/**
	 * Open the connections, with Lettuce's connection failure told as Cleo's own.
	 */
	RedisConnector connect() {
		try {
			return this.connect.get();
		}
		catch (RedisConnectionException ex) {
			throw new QueueUnavailableException("Could not connect to Redis: " + ex.getMessage(), ex);
		}
	}

}
