/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Object}, {@code Map<String, Object>}, {@code List<Object>} and {@code JsonNode}
 * parameters carry natural JSON: maps, lists, strings, numbers, booleans and null come
 * back as they went, on a worker, against a real Redis.
 */
@RedisTest
class NaturalJsonParametersTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void naturalJsonParametersRoundTripThroughAWorker(RedisServer redis) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("name", "pen");
		attributes.put("count", 3);
		attributes.put("price", 1.25);
		attributes.put("gift", true);
		attributes.put("note", null);
		attributes.put("tags", List.of("blue", 7, false));
		attributes.put("size", Map.of("width", 2, "unit", "cm"));
		Object anything = List.of(Map.of("deep", List.of(1, "two")), 42, "text", true);
		List<Object> items = new ArrayList<>(List.of("a", 1, Map.of("b", false)));
		JsonNode tree = MAPPER.readTree("{\"id\":\"o-1\",\"lines\":[{\"qty\":2}],\"paid\":false,\"total\":9.5}");
		CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s").withBean(Echo.class).run((context) -> {
			CompletableFuture<String> echoed = context.getBean(Echo.class).echo(attributes, anything, items, tree);
			String json = echoed.get(10, TimeUnit.SECONDS);
			JsonNode expected = MAPPER.valueToTree(List.of(attributes, anything, items, tree));
			assertThat(MAPPER.readTree(json)).isEqualTo(expected);
		});
	}

	@Test
	void naturalJsonArrivesAsMapsListsAndJdkValues(RedisServer redis) {
		CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s").withBean(Echo.class).run((context) -> {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("n", 1);
			value.put("list", List.of(true, "s"));
			CompletableFuture<String> kinds = context.getBean(Echo.class).kinds(value);
			assertThat(kinds.get(10, TimeUnit.SECONDS)).isEqualTo("LinkedHashMap{n=Integer, list=ArrayList}");
		});
	}

	@QueueClass(queue = "json")
	public static class Echo {

		public CompletableFuture<String> echo(Map<String, Object> attributes, Object anything, List<Object> items,
				JsonNode tree) {
			return CompletableFuture
				.completedFuture(MAPPER.writeValueAsString(List.of(attributes, anything, items, tree)));
		}

		public CompletableFuture<String> kinds(Object value) {
			Map<?, ?> map = (Map<?, ?>) value;
			StringBuilder kinds = new StringBuilder(value.getClass().getSimpleName()).append('{');
			map.forEach((key, item) -> kinds.append((kinds.charAt(kinds.length() - 1) == '{') ? "" : ", ")
				.append(key)
				.append('=')
				.append(item.getClass().getSimpleName()));
			return CompletableFuture.completedFuture(kinds.append('}').toString());
		}

	}

}
