/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * JUnit extension behind {@link Repeated}: one invocation of the test per repetition, as
 * many as the system property {@value #PROPERTY} says.
 */
public class RepeatedExtension implements TestTemplateInvocationContextProvider {

	/** The system property that says how many times each {@link Repeated} test runs. */
	public static final String PROPERTY = "cleo.test.repeat";

	@Override
	public boolean supportsTestTemplate(ExtensionContext context) {
		return context.getTestMethod().map((method) -> method.isAnnotationPresent(Repeated.class)).orElse(false);
	}

	@Override
	public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
		int total = repetitions(System.getProperty(PROPERTY));
		return IntStream.rangeClosed(1, total).mapToObj((repetition) -> new Repetition(repetition, total));
	}

	/**
	 * The number of repetitions a value of {@value #PROPERTY} asks for.
	 * @param value the property's value, {@code null} or blank for the default, 1
	 * @return the number of repetitions
	 * @throws IllegalArgumentException when the value is not a whole number from 1 to
	 * 100000, naming the property and the value
	 */
	static int repetitions(String value) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		try {
			int repetitions = Integer.parseInt(value.trim());
			if (repetitions >= 1 && repetitions <= 100_000) {
				return repetitions;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, with the property's name
		}
		throw new IllegalArgumentException(
				"System property " + PROPERTY + " must be a whole number from 1 to 100000, was '" + value + "'");
	}

	private record Repetition(int repetition, int total) implements TestTemplateInvocationContext {

		@Override
		public String getDisplayName(int invocationIndex) {
			return "repetition " + this.repetition + " of " + this.total;
		}

	}

}
