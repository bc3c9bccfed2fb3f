/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.Texts;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * The {@link HistoryStore} on Lettuce: plain reads on the shared connection.
 */
public final class RedisHistoryStore implements HistoryStore {

	private final RedisClusterAsyncCommands<String, String> commands;

	private final RedisKeys keys;

	private final Duration timeout;

	/**
	 * Create a store.
	 * @param connector the connections
	 * @param keys the key builder
	 * @param timeout how long a read may take
	 */
	public RedisHistoryStore(RedisConnector connector, RedisKeys keys, Duration timeout) {
		this.commands = connector.commands();
		this.keys = keys;
		this.timeout = timeout;
	}

	@Override
	public CompletableFuture<List<StreamEntry>> eventsAfter(String queue, String afterId, int count) {
		Range<String> range = Range.from(Range.Boundary.excluding(afterId), Range.Boundary.unbounded());
		return within(
				this.commands.xrange(this.keys.key(queue, "events"), range, Limit.from(count)).toCompletableFuture(),
				"read the events of queue " + Texts.quote(queue))
			.thenApply(RedisHistoryStore::entries);
	}

	@Override
	public CompletableFuture<List<StreamEntry>> eventsBefore(String queue, String upperId, boolean inclusive,
			long sinceMillis, int count) {
		Range.Boundary<String> upper = (upperId == null) ? Range.Boundary.unbounded()
				: inclusive ? Range.Boundary.including(upperId) : Range.Boundary.excluding(upperId);
		Range.Boundary<String> lower = (sinceMillis > 0) ? Range.Boundary.including(sinceMillis + "-0")
				: Range.Boundary.unbounded();
		return within(
				this.commands.xrevrange(this.keys.key(queue, "events"), Range.from(lower, upper), Limit.from(count))
					.toCompletableFuture(),
				"read the events of queue " + Texts.quote(queue))
			.thenApply(RedisHistoryStore::entries);
	}

	@Override
	public CompletableFuture<StreamEntry> firstEvent(String queue) {
		return within(this.commands.xrange(this.keys.key(queue, "events"), Range.unbounded(), Limit.from(1))
			.toCompletableFuture(), "read the events of queue " + Texts.quote(queue))
			.thenApply((messages) -> messages.isEmpty() ? null : entries(messages).get(0));
	}

	@Override
	public CompletableFuture<StoredAttempts> attempts(String queue, String id) {
		String key = this.keys.task(queue, id);
		String what = "read the attempts of task " + Texts.quote(id) + " on queue " + Texts.quote(queue);
		List<String> fields = new ArrayList<>(List.of("name", "group"));
		fields.addAll(StoredAttempts.LAST_FIELDS);
		return within(this.commands.hmget(key, fields.toArray(String[]::new)).toCompletableFuture(), what)
			.thenCompose((head) -> {
				if (!head.get(0).hasValue()) {
					return CompletableFuture.completedFuture(null);
				}
				String name = head.get(0).getValue();
				String group = head.get(1).getValueOrElse("");
				Map<String, String> last = new LinkedHashMap<>();
				for (int i = 2; i < head.size(); i++) {
					if (head.get(i).hasValue()) {
						last.put(fields.get(i), head.get(i).getValue());
					}
				}
				int attempts = last.containsKey("attempts") ? Integer.parseInt(last.get("attempts")) : 0;
				if (attempts <= 1) {
					return CompletableFuture.completedFuture(new StoredAttempts(name, group, Map.of(), last));
				}
				String[] recorded = new String[attempts];
				for (int i = 0; i < attempts; i++) {
					recorded[i] = "a" + (i + 1);
				}
				return within(this.commands.hmget(key, recorded).toCompletableFuture(), what).thenApply((values) -> {
					Map<Integer, String> records = new LinkedHashMap<>();
					for (int i = 0; i < values.size(); i++) {
						KeyValue<String, String> value = values.get(i);
						if (value.hasValue()) {
							records.put(i + 1, value.getValue());
						}
					}
					return new StoredAttempts(name, group, records, last);
				});
			});
	}

	@Override
	public CompletableFuture<List<Map<String, String>>> rollups(String queue, String tier, List<Long> starts) {
		List<CompletableFuture<Map<String, String>>> reads = new ArrayList<>(starts.size());
		for (Long start : starts) {
			reads.add(this.commands.hgetall(this.keys.key(queue, "hr:" + tier + ":" + start)).toCompletableFuture());
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new));
		return within(all, "read the statistics of queue " + Texts.quote(queue))
			.thenApply((done) -> reads.stream().map(CompletableFuture::join).toList());
	}

	private <T> CompletableFuture<T> within(CompletableFuture<T> call, String what) {
		return RedisCalls.within(call, this.timeout, what);
	}

	private static List<StreamEntry> entries(List<StreamMessage<String, String>> messages) {
		List<StreamEntry> entries = new ArrayList<>(messages.size());
		for (StreamMessage<String, String> message : messages) {
			Map<String, String> body = message.getBody();
			String n = body.get("n");
			entries
				.add(new StreamEntry(message.getId(), (n != null) ? Long.parseLong(n) : 0, body.getOrDefault("e", "")));
		}
		return entries;
	}

}
