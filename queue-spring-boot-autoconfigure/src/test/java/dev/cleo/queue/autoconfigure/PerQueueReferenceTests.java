/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys under {@code cleo.queues.<name>.} and {@code cleo.tasks.<task-id>.}, which
 * Spring Boot's metadata cannot list (they are the values of maps), each have a row with
 * a default in the per-queue reference of {@code docs/configuration.md}, and every row
 * there is a key Cleo binds. The keys are read from the classes that are bound.
 */
class PerQueueReferenceTests {

	private static final Path REFERENCE = Path.of("../docs/configuration.md");

	private static final String SECTION = "\n## Per-queue and per-task reference\n";

	@Test
	void everyKeyOfAQueueIsInTheReference() throws IOException {
		List<String> keys = keysOf("cleo.queues.<name>.", QueueOverrides.class);
		assertThat(keys).contains("cleo.queues.<name>.concurrency", "cleo.queues.<name>.backoff.max-delay",
				"cleo.queues.<name>.groups.rate-limit.period", "cleo.queues.<name>.groups.overrides.<*>.max-size",
				"cleo.queues.<name>.groups.priorities.<*>");
		assertThat(documented()).containsAll(keys);
	}

	@Test
	void everyKeyOfATaskIsInTheReference() throws IOException {
		List<String> keys = keysOf("cleo.tasks.<task-id>.", TaskOverrides.class);
		assertThat(keys).contains("cleo.tasks.<task-id>.retries", "cleo.tasks.<task-id>.backoff.jitter");
		assertThat(documented()).containsAll(keys);
	}

	@Test
	void everyRowIsAKeyCleoBindsAndNamesADefault() throws IOException {
		List<String> keys = new ArrayList<>(keysOf("cleo.queues.<name>.", QueueOverrides.class));
		keys.addAll(keysOf("cleo.tasks.<task-id>.", TaskOverrides.class));
		assertThat(documented()).isNotEmpty().allSatisfy((name) -> assertThat(keys).contains(name));
		assertThat(rows()).allSatisfy((row) -> assertThat(row.split("\\|")[2].strip()).as(row).isNotEmpty());
	}

	/**
	 * The leaf keys of a bound class, in the form a user types them: a nested object's
	 * keys under its name, a map's under {@code <*>} (the rows name the key, such as
	 * {@code <group>}).
	 */
	private static List<String> keysOf(String prefix, Class<?> type) {
		List<String> keys = new ArrayList<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() == null || property.getName().equals("class")) {
				continue;
			}
			String name = prefix + property.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			Type generic = property.getReadMethod().getGenericReturnType();
			Class<?> value = property.getPropertyType();
			if (Map.class.isAssignableFrom(value)) {
				Type mapValue = ((ParameterizedType) generic).getActualTypeArguments()[1];
				if (isCleos(mapValue)) {
					keys.addAll(keysOf(name + ".<*>.", (Class<?>) mapValue));
				}
				else {
					keys.add(name + ".<*>");
				}
			}
			else if (isCleos(value)) {
				keys.addAll(keysOf(name + ".", value));
			}
			else if (property.getWriteMethod() != null || Collection.class.isAssignableFrom(value)) {
				// Boot binds a value through its setter, or adds to the collection got.
				keys.add(name);
			}
		}
		return keys;
	}

	private static boolean isCleos(Type type) {
		return type instanceof Class<?> cls && !cls.isEnum()
				&& cls.getPackageName().equals(QueueOverrides.class.getPackageName());
	}

	/**
	 * The keys of the rows, with each {@code <group>}-like map key read as {@code <*>}.
	 */
	private static List<String> documented() throws IOException {
		return rows().stream()
			.map((row) -> row.substring(3, row.indexOf('`', 3)))
			.map((name) -> name.replaceAll("(?<=\\.)<(?!name>|task-id>)[a-z-]+>", "<*>"))
			.toList();
	}

	private static List<String> rows() throws IOException {
		String page = Files.readString(REFERENCE);
		int start = page.indexOf(SECTION);
		assertThat(start).as("a '%s' section in %s", SECTION.strip(), REFERENCE).isNotNegative();
		int end = page.indexOf("\n## ", start + 1);
		return page.substring(start, (end >= 0) ? end : page.length())
			.lines()
			.filter((line) -> line.startsWith("| `cleo."))
			.toList();
	}

}
