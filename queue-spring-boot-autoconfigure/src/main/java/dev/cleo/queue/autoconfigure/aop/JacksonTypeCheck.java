/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.AbstractDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.impl.UnknownSerializer;

/**
 * Tells whether Jackson can write a declared type and read it back without default
 * typing: interfaces and abstract types with no concrete mapping (streams, lambdas, ...)
 * and types with nothing to write are refused, inside containers too. {@code Object}
 * (alone or in a {@code Map} or {@code List}) and {@link JsonNode} are natural JSON, read
 * back as maps, lists, strings, numbers and booleans, or as a tree; {@code Object} is
 * refused only when the mapper has default typing on for it.
 */
final class JacksonTypeCheck {

	private final JsonMapper mapper;

	JacksonTypeCheck(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Check a type.
	 * @param type the declared type
	 * @return {@code null} when it round-trips, else why not
	 */
	String problem(JavaType type) {
		if (type.isContainerType()) {
			String key = (type.getKeyType() != null) ? problem(type.getKeyType()) : null;
			return (key != null) ? key : problem(type.getContentType());
		}
		if (type.isReferenceType()) {
			return problem(type.getReferencedType());
		}
		Class<?> raw = type.getRawClass();
		if (raw == Object.class) {
			// Read without default typing, Object is natural JSON: maps, lists, strings,
			// numbers, booleans and null; with it, a payload could name any class.
			return (this.mapper.deserializationConfig().getDefaultTyper(type) != null)
					? "the JsonMapper has default typing on, which would let a payload name the class to create" : null;
		}
		if (type.isPrimitive() || type.isEnumType() || JsonNode.class.isAssignableFrom(raw)) {
			return null;
		}
		try {
			ValueDeserializer<Object> deserializer = this.mapper._deserializationContext()
				.findRootValueDeserializer(type);
			if (deserializer instanceof AbstractDeserializer && !raw.isAnnotationPresent(JsonTypeInfo.class)) {
				return raw.getSimpleName() + " is " + (raw.isInterface() ? "an interface" : "abstract")
						+ " that Jackson cannot create";
			}
			if (this.mapper._serializationContext().findValueSerializer(type) instanceof UnknownSerializer) {
				return raw.getSimpleName() + " has no properties for Jackson to write";
			}
			return null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return "Jackson cannot handle " + raw.getSimpleName() + ": " + ex.getMessage();
		}
	}

}
