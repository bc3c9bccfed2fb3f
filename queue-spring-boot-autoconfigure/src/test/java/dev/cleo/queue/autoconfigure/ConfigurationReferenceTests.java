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
 * The configuration reference ({@code docs/configuration.md}, linked from the README) and
 * the generated metadata (what the IDE shows) name the same {@code cleo.*} properties.
 */
class ConfigurationReferenceTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path REFERENCE = Path.of("../docs/configuration.md");

	@Test
	void everyPropertyInTheMetadataIsInTheReference() throws IOException {
		List<String> documented = documentedProperties();
		assertThat(cleoProperties()).isNotEmpty()
			.allSatisfy((name) -> assertThat(documented).as("docs/configuration.md reference row for %s", name)
				.contains(name));
	}

	@Test
	void everyPropertyInTheReferenceExists() throws IOException {
		List<String> known = cleoProperties();
		assertThat(documentedProperties()).isNotEmpty().allSatisfy((name) -> assertThat(known).contains(name));
	}

	/**
	 * The properties named in the first column of the reference table: the rows of the
	 * "## Reference" section that start with a {@code cleo.*} name.
	 */
	private static List<String> documentedProperties() throws IOException {
		String page = Files.readString(REFERENCE);
		int start = page.indexOf("\n## Reference\n");
		assertThat(start).as("a '## Reference' section in %s", REFERENCE).isNotNegative();
		int end = page.indexOf("\n## ", start + 1);
		String reference = page.substring(start, (end >= 0) ? end : page.length());
		return reference.lines()
			.filter((line) -> line.startsWith("| `cleo."))
			.map((line) -> line.substring(3, line.indexOf('`', 3)))
			.toList();
	}

	private static List<String> cleoProperties() throws IOException {
		JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		return StreamSupport.stream(metadata.get("properties").spliterator(), false)
			.map((property) -> property.get("name").asString())
			.filter((name) -> name.startsWith("cleo."))
			.toList();
	}

}
