/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lua files as a whole, checked from their source: every script is in the
 * {@link Script} catalogue, each file stays small, and each file declares the includes it
 * uses, and only those (a scan of the names it uses against what its includes provide).
 */
class LuaCatalogueTests {

	private static final Path SCRIPTS = Path.of("src/main/resources/dev/cleo/queue/redis");

	/** What Redis's Lua gives every script. */
	private static final Set<String> BUILTINS = Set.of("redis", "KEYS", "ARGV", "tonumber", "tostring", "ipairs",
			"pairs", "unpack", "type", "next", "select", "error", "pcall", "assert", "table", "string", "math", "cjson",
			"cmsgpack", "struct", "bit");

	@Test
	void everyScriptFileIsInTheCatalogueAndEveryIncludeIsUsed() {
		Set<String> catalogued = Arrays.stream(Script.values()).map(Script::file).collect(Collectors.toSet());
		assertThat(names(SCRIPTS)).containsExactlyInAnyOrderElementsOf(catalogued);
		Set<String> included = new LinkedHashSet<>();
		for (Script script : Script.values()) {
			included.addAll(LuaSource.load(script.file(), this::read).includes());
		}
		assertThat(names(SCRIPTS.resolve("includes"))).containsExactlyInAnyOrderElementsOf(included);
	}

	@Test
	void noScriptIsOver120LinesAndNoIncludeOver80() {
		Map<String, Integer> tooLong = new TreeMap<>();
		names(SCRIPTS).forEach((name) -> tooLong.put(name + ".lua", lines(name + ".lua")));
		tooLong.values().removeIf((lines) -> lines <= 120);
		Map<String, Integer> includesTooLong = new TreeMap<>();
		names(SCRIPTS.resolve("includes")).forEach((name) -> includesTooLong.put(name, lines(include(name))));
		includesTooLong.values().removeIf((lines) -> lines <= 80);
		assertThat(tooLong).as("scripts over 120 lines").isEmpty();
		assertThat(includesTooLong).as("includes over 80 lines").isEmpty();
	}

	@Test
	void everyFileUsesOnlyItsOwnNamesAndThoseOfTheIncludesItDeclares() {
		List<String> violations = new ArrayList<>();
		names(SCRIPTS).forEach((name) -> violations.addAll(violations(name + ".lua", this::read)));
		names(SCRIPTS.resolve("includes")).forEach((name) -> violations.addAll(violations(include(name), this::read)));
		assertThat(violations).isEmpty();
	}

	@Test
	void aScriptThatUsesAFunctionOfAnIncludeItDoesNotDeclareFailsTheCheck() {
		Map<String, String> files = Map.of("s.lua",
				"--- @include \"batched\"\nlocal key = task_key(ARGV[1], \"a\")\nbatched(\"DEL\", key, {}, 1)\n",
				include("keys"), read(include("keys")), include("batched"), read(include("batched")));
		assertThat(violations("s.lua", files::get)).containsExactly(
				"s.lua uses task_key, which none of its includes provides (declare --- @include \"keys\")");
	}

	@Test
	void aScriptThatDeclaresAnIncludeItDoesNotUseFailsTheCheck() {
		Map<String, String> files = Map.of("s.lua",
				"--- @include \"keys\"\n--- @include \"batched\"\nreturn " + "task_key(ARGV[1], \"a\")\n",
				include("keys"), read(include("keys")), include("batched"), read(include("batched")));
		assertThat(violations("s.lua", files::get))
			.containsExactly("s.lua includes \"batched\" but uses nothing it provides (batched)");
	}

	@Test
	void everyIncludeSaysWhatItIsWhatItProvidesAndWhatItNeeds() {
		for (String name : names(SCRIPTS.resolve("includes"))) {
			String text = read(include(name));
			assertThat(text).as(name).startsWith("-- " + name + ": ").contains("\n-- Needs:");
			assertThat(LuaNames.of(text).topLevel).as("what %s defines at its top level", name)
				.containsAll(provides(text));
			assertThat(text.contains("\n-- Needs: nothing\n")).as("%s says it needs nothing", name)
				.isEqualTo(LuaSource.declared(text).isEmpty());
		}
		for (String name : names(SCRIPTS)) {
			assertThat(read(name + ".lua")).as(name).startsWith("-- " + name + ": ");
		}
	}

	/**
	 * What is wrong with the includes of one file: names it uses that neither it nor a
	 * declared include defines, and declared includes it uses nothing of.
	 */
	private static List<String> violations(String file, Function<String, String> files) {
		String text = files.apply(file);
		LuaNames names = LuaNames.of(text);
		Map<String, Set<String>> declared = new TreeMap<>();
		LuaSource.declared(text).forEach((name) -> declared.put(name, provides(files.apply(include(name)))));
		List<String> violations = new ArrayList<>();
		for (String used : names.used) {
			if (!names.defined.contains(used) && !BUILTINS.contains(used)
					&& declared.values().stream().noneMatch((provided) -> provided.contains(used))) {
				violations.add(file + " uses " + used + ", which none of its includes provides (declare "
						+ providerOf(used, files) + ")");
			}
		}
		declared.forEach((name, provided) -> {
			if (provided.stream().noneMatch(names.used::contains)) {
				violations.add(file + " includes \"" + name + "\" but uses nothing it provides ("
						+ String.join(", ", provided) + ")");
			}
		});
		return violations;
	}

	private static String providerOf(String used, Function<String, String> files) {
		return names(SCRIPTS.resolve("includes")).stream()
			.filter((name) -> files.apply(include(name)) != null && provides(files.apply(include(name))).contains(used))
			.map((name) -> "--- @include \"" + name + "\"")
			.findFirst()
			.orElse("it or define it");
	}

	/** The names an include's "-- Provides:" line lists. */
	private static Set<String> provides(String text) {
		return text.lines()
			.filter((line) -> line.startsWith("-- Provides: "))
			.flatMap((line) -> Arrays.stream(line.substring("-- Provides: ".length()).split(",\\s*")))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static String include(String name) {
		return LuaSource.INCLUDES + name + ".lua";
	}

	private String read(String file) {
		Path path = SCRIPTS.resolve(file);
		try {
			return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int lines(String file) {
		return (int) read(file).lines().count();
	}

	/** The Lua files of a folder, by name without {@code .lua}. */
	private static List<String> names(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".lua"))
				.map((name) -> name.substring(0, name.length() - 4))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Run the test from the queue-core folder, where " + SCRIPTS + " is", ex);
		}
	}

}
