/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --name=value} options of one command. Unknown names and malformed values are
 * rejected with an {@link IllegalArgumentException} that names the option, so a typo
 * never silently runs with a default.
 */
public final class CommandLineOptions {

	private final String command;

	private final Map<String, String> values;

	private CommandLineOptions(String command, Map<String, String> values) {
		this.command = command;
		this.values = values;
	}

	/**
	 * Parse the options of a command.
	 * @param command the command, for messages
	 * @param args the arguments after the command
	 * @param known the option names the command accepts, without {@code --}
	 * @return the options
	 */
	public static CommandLineOptions parse(String command, List<String> args, Set<String> known) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException(
						"Option '" + arg + "' of " + command + " must look like --name=value");
			}
			String name = arg.substring(2, equals);
			if (!known.contains(name)) {
				throw new IllegalArgumentException("Unknown option --" + name + " for " + command + "; known: --"
						+ String.join(", --", known.stream().sorted().toList()));
			}
			values.put(name, arg.substring(equals + 1));
		}
		return new CommandLineOptions(command, values);
	}

	/**
	 * An option's value.
	 * @param name the option name
	 * @return the value, or empty when it was not given
	 */
	public Optional<String> value(String name) {
		return Optional.ofNullable(this.values.get(name));
	}

	/**
	 * A whole-number option within a range.
	 * @param name the option name
	 * @param defaultValue the value when it was not given
	 * @param min the smallest allowed value
	 * @param max the largest allowed value
	 * @return the value
	 */
	public int intValue(String name, int defaultValue, int min, int max) {
		String text = this.values.get(name);
		if (text == null) {
			return defaultValue;
		}
		try {
			int value = Integer.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("Option --" + name + " of " + this.command + " must be a number from " + min
				+ " to " + max + ", was '" + text + "'");
	}

}
