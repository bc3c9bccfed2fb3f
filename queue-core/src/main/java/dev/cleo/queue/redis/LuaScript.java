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
 * One Lua script, read once from the classpath with the includes its header declares in
 * front (see {@link LuaSource}), and run with {@code EVALSHA}; when Redis answers
 * {@code NOSCRIPT} (a restart, a failover, {@code SCRIPT FLUSH}) it is sent once with
 * {@code EVAL}, which caches it again.
 */
final class LuaScript {

	private final String source;

	private final String sha;

	/**
	 * A script from {@code dev/cleo/queue/redis}.
	 * @param name its file without {@code .lua}
	 * @throws IllegalStateException when the script or an include is missing, or its
	 * includes form a cycle
	 */
	LuaScript(String name) {
		this(LuaSource.load(name, LuaScript::read));
	}

	LuaScript(LuaSource source) {
		this.source = source.text();
		this.sha = sha1(this.source);
	}

	/**
	 * The text sent to Redis.
	 * @return the script with its includes
	 */
	String source() {
		return this.source;
	}

	/**
	 * The SHA-1 digest {@code EVALSHA} names the script by.
	 * @return the digest in lower-case hex
	 */
	String sha() {
		return this.sha;
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

	/**
	 * Read a file beside this class.
	 * @param file its path relative to {@code dev/cleo/queue/redis}
	 * @return its text, or {@code null} when there is no such file
	 */
	static String read(String file) {
		try (InputStream in = LuaScript.class.getResourceAsStream(file)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read Lua file " + file, ex);
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
