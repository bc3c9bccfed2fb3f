/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which test classes {@link CleoTestContextCustomizerFactory} acts on, and what the
 * customizer adds.
 */
class CleoTestContextCustomizerFactoryTests {

	private final CleoTestContextCustomizerFactory factory = new CleoTestContextCustomizerFactory();

	@Test
	void testClassWithoutTheAnnotationGetsNothing() {
		assertThat(customizer(Plain.class)).isNull();
	}

	@Test
	void testClassWithTheAnnotationGetsACustomizer() {
		assertThat(customizer(Annotated.class)).isNotNull();
	}

	@Test
	void twoAnnotatedClassesGetUnequalCustomizersWithTwoPrefixes() {
		CleoTestContextCustomizer first = (CleoTestContextCustomizer) customizer(Annotated.class);
		CleoTestContextCustomizer second = (CleoTestContextCustomizer) customizer(OtherAnnotated.class);
		assertThat(first).isNotEqualTo(second);
		assertThat(prefix(first)).isNotEqualTo(prefix(second));
		assertThat(customizer(Annotated.class)).isEqualTo(first).hasSameHashCodeAs(first);
	}

	@Test
	void nestedClassSharesTheCustomizerOfTheClassThatDeclaresTheAnnotation() {
		assertThat(customizer(Annotated.Inner.class)).isEqualTo(customizer(Annotated.class));
	}

	@Test
	void subclassSharesTheCustomizerOfItsAnnotatedSuperclass() {
		assertThat(customizer(Subclass.class)).isEqualTo(customizer(Annotated.class));
	}

	@Test
	void metaAnnotationIsFound() {
		assertThat(customizer(MetaAnnotated.class)).isNotNull().isNotEqualTo(customizer(Annotated.class));
	}

	@Test
	void customizedContextNamesTheSharedRedisAndAPrefixAndStopsRedisAtJvmExit() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer(Annotated.class).customizeContext(context, mock(MergedContextConfiguration.class));
			assertThat(context.getEnvironment().getProperty("spring.data.redis.url")).startsWith("redis");
			assertThat(context.getEnvironment().getProperty("cleo.key-prefix")).startsWith("test-");
			assertThat(SharedRedis.isStopRegistered()).isTrue();
		}
	}

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	private static String prefix(CleoTestContextCustomizer customizer) {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, mock(MergedContextConfiguration.class));
			return context.getEnvironment().getProperty("cleo.key-prefix");
		}
	}

	static class Plain {

	}

	@CleoTest
	static class Annotated {

		@Nested
		class Inner {

		}

	}

	@CleoTest
	static class OtherAnnotated {

	}

	static class Subclass extends Annotated {

	}

	@Retention(RetentionPolicy.RUNTIME)
	@CleoTest
	@interface OurIntegrationTest {

	}

	@OurIntegrationTest
	static class MetaAnnotated {

	}

}
