/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an IDE shows for Cleo's properties, read from the metadata the build generates:
 * every property has a description in plain words (no Javadoc markup), the defaults that
 * are not field initialisers are declared, and the open-ended values have hints.
 */
class ConfigurationMetadataTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static Map<String, JsonNode> properties;

	private static JsonNode hints;

	@BeforeAll
	static void readMetadata() throws IOException {
		JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		properties = new HashMap<>();
		StreamSupport.stream(metadata.get("properties").spliterator(), false)
			.forEach((property) -> properties.put(property.get("name").asString(), property));
		hints = metadata.get("hints");
	}

	@Test
	void everyPropertyIsDescribedWithoutJavadocMarkup() {
		assertThat(properties.values()).allSatisfy((property) -> {
			assertThat(property.has("description")).as(property.get("name").asString()).isTrue();
			assertThat(property.get("description").asString()).as(property.get("name").asString())
				.doesNotContain("{@")
				.isNotBlank();
		});
	}

	@Test
	void defaultsThatAreNotFieldInitialisersAreDeclared() {
		assertThat(defaultOf("cleo.defaults.backoff.type")).isEqualTo("exponential");
		assertThat(defaultOf("cleo.defaults.backoff.delay")).isEqualTo("1s");
		assertThat(defaultOf("cleo.defaults.backoff.max-delay")).isEqualTo("5m");
		assertThat(defaultOf("cleo.defaults.backoff.jitter")).isEqualTo("0.2");
		assertThat(defaultOf("cleo.worker.threads")).isEqualTo("auto");
		assertThat(defaultOf("cleo.schedules.zone")).isEqualTo("UTC");
	}

	@Test
	void openEndedValuesHaveHints() {
		assertThat(hintValues("cleo.defaults.priority")).containsExactly("high", "normal", "low");
		assertThat(hintValues("cleo.health.status-on-breach")).containsExactly("OUT_OF_SERVICE", "DOWN");
	}

	private static String defaultOf(String name) {
		assertThat(properties).containsKey(name);
		JsonNode value = properties.get(name).get("defaultValue");
		assertThat(value).as("default of %s", name).isNotNull();
		return value.asString();
	}

	private static List<String> hintValues(String name) {
		return StreamSupport.stream(hints.spliterator(), false)
			.filter((hint) -> hint.get("name").asString().equals(name))
			.flatMap((hint) -> StreamSupport.stream(hint.get("values").spliterator(), false))
			.map((value) -> value.get("value").asString())
			.toList();
	}

}
