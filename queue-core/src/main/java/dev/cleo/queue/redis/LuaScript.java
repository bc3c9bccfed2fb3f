/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * One Lua script, read once from the classpath with the shared {@code lib.lua} in front
 * (and any helper files it names, after it), and run with {@code EVALSHA}; when Redis
 * answers {@code NOSCRIPT} (a restart, a failover, {@code SCRIPT
 * FLUSH}) it is sent once with {@code EVAL}, which caches it again.
 */
final class LuaScript {

	private static final String LIB = read("lib.lua");

	private final String source;

	private final String sha;

	/**
	 * A script; {@code libs} are more shared helpers put between {@code lib.lua} and its
	 * own text, for a family of scripts (the schedule scripts share
	 * {@code schedule-lib.lua}; ack.lua has {@code lib-group-stats.lua}).
	 */
	LuaScript(String name, String... libs) {
		StringBuilder source = new StringBuilder(LIB).append('\n');
		for (String lib : libs) {
			source.append(read(lib + ".lua")).append('\n');
		}
		this.source = source.append(read(name + ".lua")).toString();
		this.sha = sha1(this.source);
	}

	<T> CompletableFuture<T> run(RedisClusterAsyncCommands<String, String> commands, ScriptOutputType type,
			String[] keys, String... args) {
		CompletableFuture<T> first = commands.<T>evalsha(this.sha, type, keys, args).toCompletableFuture();
		CompletableFuture<T> result = new CompletableFuture<>();
		first.whenComplete((value, error) -> {
			if (error == null) {
				result.complete(value);
			}
			else if (isNoScript(error) && !result.isDone()) {
				CompletableFuture<T> retry = commands.<T>eval(this.source, type, keys, args).toCompletableFuture();
				RedisCalls.cancelling(result, retry);
				retry.whenComplete((retried, retryError) -> complete(result, retried, retryError));
			}
			else {
				result.completeExceptionally(error);
			}
		});
		// A caller that gave up (RedisCalls.await timed out) cancels the result: the
		// commands must then not be sent when a lost connection comes back.
		return RedisCalls.cancelling(result, first);
	}

	private static <T> void complete(CompletableFuture<T> result, T value, Throwable error) {
		if (error == null) {
			result.complete(value);
		}
		else {
			result.completeExceptionally(error);
		}
	}

	private static boolean isNoScript(Throwable error) {
		Throwable cause = (error instanceof java.util.concurrent.CompletionException) ? error.getCause() : error;
		return cause instanceof RedisNoScriptException
				|| (cause != null && cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT"));
	}

	private static String read(String file) {
		try (InputStream in = LuaScript.class.getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("Lua script " + file + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read Lua script " + file, ex);
		}
	}

	private static String sha1(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required by every Java runtime", ex);
		}
	}

}
