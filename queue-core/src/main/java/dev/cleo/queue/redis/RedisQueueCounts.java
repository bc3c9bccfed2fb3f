/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.Texts;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * Counts the tasks of queues by place with plain reads: six per queue, every one sent
 * before any answer is awaited, so many queues cost one round trip (on a Cluster client
 * each read goes to its queue's master, and the masters answer in parallel). Nothing here
 * needs the reads to be atomic: counts are a snapshot for metrics and health.
 */
final class RedisQueueCounts {

	/**
	 * The sorted sets whose sizes are the counts, in the order of {@link QueueCounts}.
	 */
	private static final List<String> PLACES = List.of("ready", "delayed", "active", "done", "dead");

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final Duration timeout;

	RedisQueueCounts(RedisClusterAsyncCommands<String, String> commands, RedisKeys keys, Duration timeout) {
		this.commands = commands;
		this.keys = keys;
		this.timeout = timeout;
	}

	/**
	 * Send the reads of every queue, then gather them; the whole fails with
	 * {@link dev.cleo.queue.QueueUnavailableException} after one timeout, however many
	 * queues there are.
	 */
	CompletableFuture<Map<String, QueueCounts>> read(Collection<String> queues) {
		Map<String, CompletableFuture<QueueCounts>> reads = new LinkedHashMap<>();
		List<CompletableFuture<?>> sent = new ArrayList<>();
		for (String queue : queues) {
			reads.computeIfAbsent(queue, (name) -> send(name, sent));
		}
		CompletableFuture<Map<String, QueueCounts>> all = CompletableFuture
			.allOf(reads.values().toArray(CompletableFuture[]::new))
			.thenApply((done) -> {
				Map<String, QueueCounts> counts = new LinkedHashMap<>();
				reads.forEach((queue, read) -> counts.put(queue, read.join()));
				return Collections.unmodifiableMap(counts);
			});
		// A caller that gives up cancels the reads still queued (while Redis is away).
		RedisCalls.cancelling(all, sent.toArray(CompletableFuture[]::new));
		String what = (reads.size() == 1) ? "count tasks of queue " + Texts.quote(reads.keySet().iterator().next())
				: "count the tasks of " + reads.size() + " queues";
		return RedisCalls.within(all, this.timeout, what);
	}

	private CompletableFuture<QueueCounts> send(String queue, List<CompletableFuture<?>> sent) {
		List<CompletableFuture<Long>> sizes = new ArrayList<>(PLACES.size());
		for (String place : PLACES) {
			sizes.add(this.commands.zcard(this.keys.key(queue, place)).toCompletableFuture());
		}
		// Grouped waiting tasks sit in their groups' sets; the scripts keep their total.
		CompletableFuture<String> grouped = this.commands.get(this.keys.key(queue, "gwaiting")).toCompletableFuture();
		sent.addAll(sizes);
		sent.add(grouped);
		return CompletableFuture.allOf(grouped, CompletableFuture.allOf(sizes.toArray(CompletableFuture[]::new)))
			.thenApply((done) -> {
				long waiting = sizes.get(0).join() + ((grouped.join() != null) ? Long.parseLong(grouped.join()) : 0);
				return new QueueCounts(waiting, sizes.get(1).join(), sizes.get(2).join(), sizes.get(3).join(),
						sizes.get(4).join());
			});
	}

}
