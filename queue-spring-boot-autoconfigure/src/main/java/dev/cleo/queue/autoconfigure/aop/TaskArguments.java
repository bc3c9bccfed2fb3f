/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A task method's arguments as its payload: a JSON array whose elements are written
 * against the method's declared parameter types, not the arguments' runtime classes, so
 * that what is written is exactly what the worker reads back; an {@code Object} parameter
 * is written as its value is, and read back as natural JSON.
 */
final class TaskArguments extends JacksonSerializable.Base {

	private final JavaType[] types;

	private final Object[] values;

	TaskArguments(JavaType[] types, Object[] values) {
		this.types = types;
		this.values = values;
	}

	@Override
	public void serialize(JsonGenerator generator, SerializationContext context) throws JacksonException {
		generator.writeStartArray(this.values, this.values.length);
		for (int i = 0; i < this.values.length; i++) {
			if (this.values[i] == null) {
				context.defaultSerializeNullValue(generator);
			}
			else if (this.types[i].hasRawClass(Object.class)) {
				// Declared Object: natural JSON, written as what the value is.
				context.writeValue(generator, this.values[i]);
			}
			else {
				context.findTypedValueSerializer(this.types[i], true).serialize(this.values[i], generator, context);
			}
		}
		generator.writeEndArray();
	}

	@Override
	public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer typeSerializer)
			throws JacksonException {
		serialize(generator, context);
	}

}
