/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A {@link Repeated} test runs once by default and as often as {@code cleo.test.repeat}
 * says, each run with its own {@code @AfterEach}; a bad value is refused naming the
 * property. The sample is a nested class, which Surefire does not run on its own.
 */
class RepeatedExtensionTests {

	@AfterEach
	void clearProperty() {
		System.clearProperty(RepeatedExtension.PROPERTY);
		RepeatedSample.runs.set(0);
		RepeatedSample.cleanups.set(0);
	}

	@Test
	void runsOnceWhenThePropertyIsNotSet() {
		run(1);
		assertThat(RepeatedSample.runs).hasValue(1);
	}

	@Test
	void runsAsOftenAsThePropertySaysEachRunWithItsOwnCleanUp() {
		System.setProperty(RepeatedExtension.PROPERTY, "3");
		run(3);
		assertThat(RepeatedSample.runs).hasValue(3);
		assertThat(RepeatedSample.cleanups).hasValue(3);
	}

	@Test
	void aValueThatIsNotACountIsRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> RepeatedExtension.repetitions("fifty"))
			.withMessage("System property cleo.test.repeat must be a whole number from 1 to 100000, was 'fifty'");
		assertThatIllegalArgumentException().isThrownBy(() -> RepeatedExtension.repetitions("0"));
		assertThat(RepeatedExtension.repetitions(" 50 ")).isEqualTo(50);
	}

	private static void run(long tests) {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(RepeatedSample.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(tests).failed(0));
	}

	static class RepeatedSample {

		static final AtomicInteger runs = new AtomicInteger();

		static final AtomicInteger cleanups = new AtomicInteger();

		@Repeated
		void counts() {
			runs.incrementAndGet();
		}

		@AfterEach
		void cleanUp() {
			cleanups.incrementAndGet();
		}

	}

}
