/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one Lua script as Redis runs it: the includes the script declares in its
 * header ({@code --- @include "group-line"} lines, as BullMQ writes them) in front of its
 * own text. Includes live in {@code includes/} beside the scripts and may include others;
 * each is put in once, after everything it includes, so every {@code local} function is
 * defined before the code that calls it. A missing include or a cycle fails with a
 * message that names the files.
 *
 * @param name the script's name (its file without {@code .lua})
 * @param includes the includes put in front, in the order they appear in {@code text}
 * @param text the text to send
 */
record LuaSource(String name, List<String> includes, String text) {

	/** Where includes live, relative to the scripts. */
	static final String INCLUDES = "includes/";

	private static final Pattern INCLUDE = Pattern.compile("^--- @include \"([^\"]*)\"[ \\t]*$", Pattern.MULTILINE);

	/**
	 * Assemble a script.
	 * @param name the script's name
	 * @param files reads a file by its path relative to the scripts ({@code claim.lua},
	 * {@code includes/keys.lua}), answering {@code null} when there is none
	 * @return the script with its includes
	 * @throws IllegalStateException when a file is missing or the includes form a cycle
	 */
	static LuaSource load(String name, Function<String, String> files) {
		String own = files.apply(name + ".lua");
		if (own == null) {
			throw new IllegalStateException("Lua script " + name + ".lua is missing from the classpath");
		}
		Resolution resolution = new Resolution(name, files);
		for (String include : declared(own)) {
			resolution.visit(include, name + ".lua");
		}
		StringBuilder text = new StringBuilder();
		resolution.texts.forEach((include) -> text.append(include).append('\n'));
		return new LuaSource(name, List.copyOf(resolution.order), text.append(own).toString());
	}

	/**
	 * The includes a Lua file names itself, in the order it names them.
	 * @param text the file's text
	 * @return the names, without {@code includes/} and {@code .lua}
	 */
	static List<String> declared(String text) {
		List<String> names = new ArrayList<>();
		Matcher matcher = INCLUDE.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** A depth-first walk that puts each include after its own includes. */
	private static final class Resolution {

		private final String script;

		private final Function<String, String> files;

		private final Set<String> order = new LinkedHashSet<>();

		private final List<String> texts = new ArrayList<>();

		private final Deque<String> path = new ArrayDeque<>();

		Resolution(String script, Function<String, String> files) {
			this.script = script;
			this.files = files;
		}

		void visit(String include, String namedBy) {
			if (this.order.contains(include)) {
				return;
			}
			if (this.path.contains(include)) {
				List<String> cycle = new ArrayList<>(this.path);
				Collections.reverse(cycle);
				cycle = cycle.subList(cycle.indexOf(include), cycle.size());
				throw new IllegalStateException(
						"Lua includes of " + this.script + ".lua form a cycle: " + String.join(" -> ", cycle) + " -> "
								+ include + "; move what they share into an include that each of them names");
			}
			String text = this.files.apply(INCLUDES + include + ".lua");
			if (text == null) {
				throw new IllegalStateException("Lua include \"" + include + "\" named by " + namedBy + " (in "
						+ this.script + ".lua) is missing: there is no " + INCLUDES + include
						+ ".lua beside the scripts; correct the --- @include line or add the file");
			}
			this.path.push(include);
			for (String inner : declared(text)) {
				visit(inner, INCLUDES + include + ".lua");
			}
			this.path.pop();
			this.order.add(include);
			this.texts.add(text);
		}

	}

}
