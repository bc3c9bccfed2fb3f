/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cleo.queue.spring.test.CleoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Two test classes with {@link CleoTest} run with two key prefixes (so neither sees the
 * other's tasks), on the one Redis of the JVM.
 */
class KeyPrefixIsolationTests {

	/**
	 * Runs the inner classes only from here, never on their own (-Dtest patterns match
	 * them).
	 */
	private static final String RUN_INNER = "cleo.test.key-prefix-isolation";

	private static final Map<String, String> prefixes = new ConcurrentHashMap<>();

	private static final Map<String, String> urls = new ConcurrentHashMap<>();

	@Test
	void twoTestClassesGetTwoKeyPrefixesOnOneRedis() {
		System.setProperty(RUN_INNER, "true");
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(FirstTests.class), selectClass(SecondTests.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(2).failed(0));
		assertThat(prefixes).containsOnlyKeys("first", "second");
		assertThat(prefixes.get("first")).startsWith("test-").isNotEqualTo(prefixes.get("second"));
		assertThat(List.copyOf(urls.values())).containsOnly(urls.get("first"));
		System.clearProperty(RUN_INNER);
	}

	static void record(String test, Environment environment) {
		prefixes.put(test, environment.getProperty("cleo.key-prefix"));
		urls.put(test, environment.getProperty("spring.data.redis.url"));
	}

	@SpringBootTest
	@CleoTest
	@EnabledIfSystemProperty(named = RUN_INNER, matches = "true")
	static class FirstTests {

		@Autowired
		private Environment environment;

		@Test
		void recordsItsPrefix() {
			record("first", this.environment);
		}

	}

	@SpringBootTest
	@CleoTest
	@EnabledIfSystemProperty(named = RUN_INNER, matches = "true")
	static class SecondTests {

		@Autowired
		private Environment environment;

		@Test
		void recordsItsPrefix() {
			record("second", this.environment);
		}

	}

}
