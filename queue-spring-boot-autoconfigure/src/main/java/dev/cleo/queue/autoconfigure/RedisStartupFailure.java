/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Collection;
import java.util.stream.Collectors;

import dev.cleo.queue.QueueUnavailableException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Tells a Redis that cannot be reached at start-up as a {@link CleoStartupException}: the
 * address tried (host and port only: a URL may carry a password), which
 * {@code spring.data.redis.*} properties gave it, the reason in words, and what to do.
 * Internal.
 */
final class RedisStartupFailure {

	private static final String ACTION = "Start Redis at that address, or point the application at yours with "
			+ "spring.data.redis.url (or spring.data.redis.host and spring.data.redis.port; "
			+ "spring.data.redis.sentinel.* or spring.data.redis.cluster.nodes for Sentinel or Cluster). "
			+ "When Redis refuses the connection, check spring.data.redis.username, spring.data.redis.password "
			+ "and spring.data.redis.ssl.*.";

	private RedisStartupFailure() {
	}

	/**
	 * The start-up failure for a connection that could not be opened.
	 * @param failure Cleo's connection failure
	 * @param connectionFactory the factory whose client Cleo tried
	 * @param environment where the {@code spring.data.redis.*} properties are read
	 * @return the exception to throw
	 */
	static CleoStartupException of(QueueUnavailableException failure, LettuceConnectionFactory connectionFactory,
			Environment environment) {
		String description = "Could not connect to Redis at " + address(connectionFactory) + " (" + reason(failure)
				+ "), the address given by " + source(connectionFactory, environment) + ".";
		return new CleoStartupException(description, ACTION, failure);
	}

	private static String address(LettuceConnectionFactory factory) {
		if (factory.isClusterAware()) {
			return "the cluster nodes " + nodes(factory.getClusterConfiguration().getClusterNodes());
		}
		if (factory.isRedisSentinelAware()) {
			return "the master '" + factory.getSentinelConfiguration().getMaster().getName() + "' of the sentinels "
					+ nodes(factory.getSentinelConfiguration().getSentinels());
		}
		return factory.getHostName() + ":" + factory.getPort();
	}

	private static String nodes(Collection<RedisNode> nodes) {
		return nodes.stream().map(RedisNode::asString).collect(Collectors.joining(", "));
	}

	private static String source(LettuceConnectionFactory factory, Environment environment) {
		if (factory.isClusterAware()) {
			return "spring.data.redis.cluster.nodes";
		}
		if (factory.isRedisSentinelAware()) {
			return "spring.data.redis.sentinel.master and spring.data.redis.sentinel.nodes";
		}
		if (environment.containsProperty("spring.data.redis.url")) {
			return "spring.data.redis.url";
		}
		boolean set = environment.containsProperty("spring.data.redis.host")
				|| environment.containsProperty("spring.data.redis.port");
		return "spring.data.redis.host and spring.data.redis.port" + (set ? "" : " (localhost:6379 when unset)");
	}

	/** The innermost message, which says what happened without naming exception types. */
	private static String reason(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		String message = cause.getMessage();
		return (message != null && !message.isBlank()) ? message : "no answer";
	}

}
