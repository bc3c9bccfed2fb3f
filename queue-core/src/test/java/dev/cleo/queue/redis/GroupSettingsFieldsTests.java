/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.group.GroupRateLimit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group settings hash ({@code gconf}) has two sides, {@link GroupSettingsHash} in
 * Java and the scripts in Lua: the fields Lua reads (found in the scripts of the
 * {@link Script} catalogue, includes and all) must be the fields Java declares, and every
 * field Java writes must be one Lua reads. Adding a field on one side only fails here.
 */
class GroupSettingsFieldsTests {

	/** The gconf key in a script: built from the prefix, or the local that holds it. */
	private static final String KEY = "(?:prefix\\s*\\.\\.\\s*\"gconf\"|\\bgconf\\b)";

	private static final Pattern HGET = Pattern
		.compile("\"(?:HGET|HEXISTS)\",\\s*" + KEY + ",\\s*\"([^\"]*)\"(\\s*\\.\\.)?");

	private static final Pattern HMGET = Pattern.compile("\"HMGET\",\\s*" + KEY + ",\\s*([^)]*\\)?)\\)");

	private static final Pattern TABLE = Pattern.compile("local\\s+(\\w+)\\s*=\\s*\\{([^}]*)\\}");

	private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

	/** Reads of the table {@code group_settings} returns: {@code .x} or {@code ["x"]}. */
	private static final Pattern CACHED = Pattern
		.compile("(?:\\bsettings|group_settings\\(prefix\\))(?:\\.([\\w]+)|\\[\"([^\"]+)\"\\])");

	/** A field a script writes with a literal name. */
	private static final Pattern HSET = Pattern.compile("\"HSET\",\\s*" + KEY + ",\\s*\"([^\"]*)\"");

	@Test
	void theQueueWideFieldsLuaReadsAreTheOnesJavaDeclares() {
		Set<String> java = new TreeSet<>(GroupSettingsHash.QUEUE_FIELDS);
		java.add(GroupSettingsHash.LIMITS);
		assertThat(luaReads(scripts()).queueWide()).isEqualTo(java);
	}

	@Test
	void theGroupsOwnFieldsLuaReadsAreTheOnesJavaDeclares() {
		assertThat(luaReads(scripts()).own()).isEqualTo(new TreeSet<>(GroupSettingsHash.OWN_FIELDS));
	}

	@Test
	void everySettingTheScriptsLookUpIsOneTheyRead() {
		String scripts = scripts();
		Set<String> looked = new TreeSet<>();
		Matcher matcher = CACHED.matcher(scripts);
		while (matcher.find()) {
			looked.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		assertThat(looked).isNotEmpty().isSubsetOf(luaReads(scripts).queueWide());
	}

	@Test
	void everyFieldJavaWritesIsOneLuaReadsAndOnlyLimitsIsWrittenByLua() {
		LuaReads lua = luaReads(scripts());
		for (GroupSettingChange change : everyKindOfChange()) {
			String field = GroupSettingsHash.write(change).field();
			boolean read = lua.queueWide().contains(field) || lua.own()
				.stream()
				.anyMatch((prefix) -> field.startsWith(prefix) && field.length() > prefix.length());
			assertThat(read).as("%s, written for %s, is read by a script", field, change).isTrue();
		}
		assertThat(literalWrites(scripts())).containsExactly(GroupSettingsHash.LIMITS);
	}

	@Test
	void aFieldOnOneSideOnlyIsFound() {
		String lua = "local FIELDS = { \"strategy\", \"weight\" }\n"
				+ "local v = redis.call(\"HMGET\", prefix .. \"gconf\", unpack(FIELDS))\n"
				+ "local p = redis.call(\"HGET\", prefix .. \"gconf\", \"quota:\" .. group)\n";
		assertThat(luaReads(lua)).isEqualTo(new LuaReads(Set.of("strategy", "weight"), Set.of("quota:")));
	}

	/** One change of each kind there is; a new kind fails here until it is listed. */
	private static List<GroupSettingChange> everyKindOfChange() {
		GroupRateLimit rate = GroupRateLimit.of(5, Duration.ofSeconds(1));
		List<GroupSettingChange> changes = List.of(new GroupSettingChange.Concurrency(2),
				new GroupSettingChange.Strategy(GroupProcessingStrategy.FIFO),
				new GroupSettingChange.Order(GroupOrder.LIFO), new GroupSettingChange.MaxSize(10),
				new GroupSettingChange.Overflow(GroupOverflow.DROP_OLDEST), new GroupSettingChange.RateLimit(rate),
				new GroupSettingChange.HeldForRetries(false), new GroupSettingChange.OwnPriority("g", 3),
				new GroupSettingChange.OwnMaxSize("g", 4), new GroupSettingChange.OwnRateLimit("g", rate));
		assertThat(changes.stream().map(Object::getClass).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(GroupSettingChange.class.getPermittedSubclasses());
		return changes;
	}

	/**
	 * The fields read from the gconf key: by HGET or HEXISTS of a literal (a literal
	 * followed by {@code ..} is the prefix of a group's own field), or by HMGET of
	 * literals or of {@code unpack} of a table literal.
	 */
	static LuaReads luaReads(String lua) {
		Set<String> queueWide = new TreeSet<>();
		Set<String> own = new TreeSet<>();
		Matcher single = HGET.matcher(lua);
		while (single.find()) {
			((single.group(2) != null) ? own : queueWide).add(single.group(1));
		}
		Matcher multi = HMGET.matcher(lua);
		while (multi.find()) {
			Matcher unpack = Pattern.compile("unpack\\((\\w+)\\)").matcher(multi.group(1));
			queueWide.addAll(strings(unpack.find() ? table(lua, unpack.group(1)) : multi.group(1)));
		}
		return new LuaReads(queueWide, own);
	}

	private static Set<String> literalWrites(String lua) {
		Set<String> written = new TreeSet<>();
		Matcher matcher = HSET.matcher(lua);
		while (matcher.find()) {
			written.add(matcher.group(1));
		}
		return written;
	}

	private static String table(String lua, String name) {
		Matcher matcher = TABLE.matcher(lua);
		while (matcher.find()) {
			if (matcher.group(1).equals(name)) {
				return matcher.group(2);
			}
		}
		throw new AssertionError("No table literal " + name + " in the scripts");
	}

	private static Set<String> strings(String text) {
		Set<String> strings = new TreeSet<>();
		Matcher matcher = STRING.matcher(text);
		while (matcher.find()) {
			strings.add(matcher.group(1));
		}
		return strings;
	}

	/** Every script of the catalogue with its includes, comments left out. */
	private static String scripts() {
		return Arrays.stream(Script.values())
			.map((script) -> Script.loadAll().get(script).source())
			.map(GroupSettingsFieldsTests::withoutComments)
			.collect(Collectors.joining("\n"));
	}

	/** Comments name fields in prose; only code counts. */
	private static String withoutComments(String lua) {
		StringBuilder code = new StringBuilder();
		for (String line : lua.split("\n", -1)) {
			char quote = 0;
			int end = line.length();
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (quote != 0) {
					quote = (c == quote) ? 0 : quote;
				}
				else if (c == '"' || c == '\'') {
					quote = c;
				}
				else if (line.startsWith("--", i)) {
					end = i;
					break;
				}
			}
			code.append(line, 0, end).append('\n');
		}
		return code.toString();
	}

	/**
	 * What the scripts read of the gconf hash.
	 *
	 * @param queueWide whole field names
	 * @param own prefixes of a group's own fields, each followed by the group's name
	 */
	record LuaReads(Set<String> queueWide, Set<String> own) {

	}

}
