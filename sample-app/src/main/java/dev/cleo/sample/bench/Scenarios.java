/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.List;

/**
 * Every scenario, in the order a full bench runs them.
 */
final class Scenarios {

	private static final List<Scenario> ALL = List.of(new EnqueueBulkScenario(), new DrainScenario(),
			new DelayedDueScenario(), EndToEndScenario.standard(), new ProxyEndToEndScenario(),
			EndToEndScenario.groupsRoundRobin(), new LatencyScenario(), EndToEndScenario.flood());

	/** The scenario names, in order. */
	static final List<String> NAMES = ALL.stream().map(Scenario::name).toList();

	private Scenarios() {
	}

	static Scenario named(String name) {
		return ALL.stream().filter((scenario) -> scenario.name().equals(name)).findFirst().orElseThrow();
	}

	static String checkName(String name) {
		if (!NAMES.contains(name)) {
			throw new IllegalArgumentException(
					"Unknown scenario '" + name + "'; use one of " + String.join(", ", NAMES));
		}
		return name;
	}

}
