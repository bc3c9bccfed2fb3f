/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration reference and the generated metadata (what the IDE shows)
 * name the same {@code cleo.*} properties.
 */
class ConfigurationReferenceTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path README = Path.of("../README.md");

	@Test
	void everyPropertyInTheMetadataIsInTheReadmeReference() throws IOException {
		String readme = Files.readString(README);
		assertThat(cleoProperties()).isNotEmpty()
			.allSatisfy((name) -> assertThat(readme).as("README reference row for %s", name)
				.contains("| `" + name + "` |"));
	}

	@Test
	void everyPropertyInTheReadmeReferenceExists() throws IOException {
		List<String> known = cleoProperties();
		String readme = Files.readString(README);
		String reference = readme.substring(readme.indexOf("### Configuration reference"),
				readme.indexOf("### Actuator"));
		List<String> documented = reference.lines()
			.filter((line) -> line.startsWith("| `cleo."))
			.map((line) -> line.substring(3, line.indexOf('`', 3)))
			.toList();
		assertThat(documented).isNotEmpty().allSatisfy((name) -> assertThat(known).contains(name));
	}

	private static List<String> cleoProperties() throws IOException {
		JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		return StreamSupport.stream(metadata.get("properties").spliterator(), false)
			.map((property) -> property.get("name").asString())
			.filter((name) -> name.startsWith("cleo."))
			.toList();
	}

}
