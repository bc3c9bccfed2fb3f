/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.util.function.UnaryOperator;

import org.springframework.core.annotation.MergedAnnotation;

/**
 * Reads the String attributes of Cleo's annotations with their {@code ${...}}
 * placeholders resolved against the environment, as {@code @Scheduled} and
 * {@code @KafkaListener} resolve theirs; a placeholder that names no property (and gives
 * no default) fails the start naming the method. Group and deduplication keys are
 * resolved too, before they are parsed as SpEL. Internal.
 */
final class AttributeText {

	private final UnaryOperator<String> placeholders;

	/**
	 * A reader.
	 * @param placeholders resolves {@code ${...}}, strictly in a Spring Boot application
	 */
	AttributeText(UnaryOperator<String> placeholders) {
		this.placeholders = placeholders;
	}

	/**
	 * An attribute's text.
	 * @param method the task method, named when the text cannot be resolved
	 * @param annotation the annotation, maybe a missing one
	 * @param attribute the attribute's name
	 * @return the resolved text, trimmed; empty when unset
	 * @throws TaskDefinitionException when a placeholder cannot be resolved
	 */
	String get(Method method, MergedAnnotation<?> annotation, String attribute) {
		if (!annotation.isPresent()) {
			return "";
		}
		String text = annotation.getString(attribute).trim();
		try {
			String resolved = text.isEmpty() ? text : this.placeholders.apply(text);
			return (resolved != null) ? resolved.trim() : "";
		}
		catch (IllegalArgumentException ex) {
			throw TaskMethodFactory.fail(method,
					"has a " + attribute + " '" + text + "' that cannot be resolved: " + ex.getMessage(),
					"Define the property it names, or give the placeholder a default: ${name:value}.");
		}
	}

}
