/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * Runs the {@link Script scripts} of one store and waits for Redis answers with the
 * store's time limit: the one place that routes a script call (its {@code KEYS[1]} is the
 * queue key {@link Script#routingKind()} names, which carries the queue's hash tag, so a
 * Cluster client sends the {@code EVALSHA} to the queue's slot) and that bounds a wait
 * ({@link RedisCalls#await}).
 */
final class ScriptRunner {

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final Duration timeout;

	private final Map<Script, LuaScript> scripts = Script.loadAll();

	/**
	 * Create a runner; reads every script on the first call in the JVM.
	 * @param commands the shared connection's commands
	 * @param keys the key builder
	 * @param timeout how long a synchronous call waits for Redis
	 */
	ScriptRunner(RedisClusterAsyncCommands<String, String> commands, RedisKeys keys, Duration timeout) {
		this.commands = commands;
		this.keys = keys;
		this.timeout = timeout;
	}

	/**
	 * How long a synchronous call waits.
	 * @return the store's time limit
	 */
	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Send a script for a queue, not waiting for the answer.
	 * @param <T> the reply type
	 * @param script the script
	 * @param type how Redis's reply is read
	 * @param queue the queue, whose key routes the call
	 * @param args the script's ARGV
	 * @return the reply; cancelling it cancels the commands not yet sent
	 */
	<T> CompletableFuture<T> run(Script script, ScriptOutputType type, String queue, List<String> args) {
		return run(script, type, queue, args.toArray(String[]::new));
	}

	/**
	 * Send a script for a queue, not waiting for the answer.
	 * @param <T> the reply type
	 * @param script the script
	 * @param type how Redis's reply is read
	 * @param queue the queue, whose key routes the call
	 * @param args the script's ARGV
	 * @return the reply; cancelling it cancels the commands not yet sent
	 */
	<T> CompletableFuture<T> run(Script script, ScriptOutputType type, String queue, String... args) {
		String[] routing = { this.keys.key(queue, script.routingKind()) };
		return this.scripts.get(script).run(this.commands, type, routing, args);
	}

	/**
	 * Run a script for a queue and wait for its answer.
	 * @param <T> the reply type
	 * @param script the script
	 * @param type how Redis's reply is read
	 * @param queue the queue, whose key routes the call
	 * @param args the script's ARGV
	 * @param what what the call does, for the message of a failure
	 * @return the reply
	 */
	<T> T call(Script script, ScriptOutputType type, String queue, List<String> args, String what) {
		return await(run(script, type, queue, args), what);
	}

	/**
	 * Wait for an answer within the store's time limit.
	 * @param <T> the answer type
	 * @param future the pending call
	 * @param what what the call does, for the message of a failure
	 * @return the answer
	 */
	<T> T await(CompletableFuture<T> future, String what) {
		return RedisCalls.await(future, this.timeout, what);
	}

	/**
	 * Wait for a plain command's answer within the store's time limit.
	 * @param <T> the answer type
	 * @param future the pending command
	 * @param what what the command does, for the message of a failure
	 * @return the answer
	 */
	<T> T await(RedisFuture<T> future, String what) {
		return RedisCalls.await(future.toCompletableFuture(), this.timeout, what);
	}

	/**
	 * Bound an asynchronous call by the store's time limit ({@link RedisCalls#within}).
	 * @param <T> the answer type
	 * @param call the pending call
	 * @param what what the call does, for the message of a failure
	 * @return the bounded call
	 */
	<T> CompletableFuture<T> within(CompletableFuture<T> call, String what) {
		return RedisCalls.within(call, this.timeout, what);
	}

}
