/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@link LuaSource} puts a script's includes in front of it.
 */
class LuaSourceTests {

	@Test
	void includesComeOnceEachAfterTheIncludesTheyName() {
		Map<String, String> files = Map.of("s.lua", "--- @include \"b\"\n--- @include \"a\"\nbody\n", "includes/a.lua",
				"-- a\n", "includes/b.lua", "--- @include \"c\"\n--- @include \"a\"\n-- b\n", "includes/c.lua",
				"--- @include \"a\"\n-- c\n");
		LuaSource source = LuaSource.load("s", files::get);
		assertThat(source.includes()).containsExactly("a", "c", "b");
		assertThat(source.text()).isEqualTo("-- a\n\n--- @include \"a\"\n-- c\n\n"
				+ "--- @include \"c\"\n--- @include \"a\"\n-- b\n\n--- @include \"b\"\n--- @include \"a\"\nbody\n");
	}

	@Test
	void aScriptWithoutIncludesIsItsOwnText() {
		LuaSource source = LuaSource.load("s", Map.of("s.lua", "return 1\n")::get);
		assertThat(source.includes()).isEmpty();
		assertThat(source.text()).isEqualTo("return 1\n");
	}

	@Test
	void aMissingIncludeFailsNamingTheFileThatNamesIt() {
		Map<String, String> files = Map.of("s.lua", "--- @include \"a\"\n", "includes/a.lua",
				"--- @include \"gone\"\n");
		assertThatIllegalStateException().isThrownBy(() -> LuaSource.load("s", files::get))
			.withMessage("Lua include \"gone\" named by includes/a.lua (in s.lua) is missing: there is no "
					+ "includes/gone.lua beside the scripts; correct the --- @include line or add the file");
	}

	@Test
	void aCycleOfIncludesFailsWithItsPath() {
		Map<String, String> files = Map.of("s.lua", "--- @include \"a\"\n", "includes/a.lua", "--- @include \"b\"\n",
				"includes/b.lua", "--- @include \"c\"\n", "includes/c.lua", "--- @include \"a\"\n");
		assertThatIllegalStateException().isThrownBy(() -> LuaSource.load("s", files::get))
			.withMessage("Lua includes of s.lua form a cycle: a -> b -> c -> a; move what they share into an "
					+ "include that each of them names");
	}

	@Test
	void anIncludeThatIncludesItselfIsACycle() {
		Map<String, String> files = Map.of("s.lua", "--- @include \"a\"\n", "includes/a.lua", "--- @include \"a\"\n");
		assertThatIllegalStateException().isThrownBy(() -> LuaSource.load("s", files::get))
			.withMessageContaining("form a cycle: a -> a;");
	}

	@Test
	void aMissingScriptFails() {
		assertThatIllegalStateException().isThrownBy(() -> LuaSource.load("nope", Map.<String, String>of()::get))
			.withMessage("Lua script nope.lua is missing from the classpath");
	}

	@Test
	void onlyWholeIncludeLinesCount() {
		assertThat(LuaSource.declared("--- @include \"a\"\n-- --- @include \"b\"\n--- @include \"c\"  \n"))
			.containsExactly("a", "c");
	}

}
