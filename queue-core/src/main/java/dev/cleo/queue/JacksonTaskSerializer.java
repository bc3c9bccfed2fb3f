/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.lang.reflect.Type;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default {@link TaskSerializer}, on Jackson. It never enables default typing: the
 * declared type decides what a payload becomes.
 */
public final class JacksonTaskSerializer implements TaskSerializer {

	private final JsonMapper mapper;

	/**
	 * A serializer with Jackson's defaults (which include {@code java.time} support).
	 */
	public JacksonTaskSerializer() {
		this(JsonMapper.builder().build());
	}

	/**
	 * A serializer on a mapper the application configured.
	 * @param mapper the mapper
	 */
	public JacksonTaskSerializer(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public String write(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new UnreadablePayloadException(
					"Could not write a " + value.getClass().getName() + " as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public <T> T read(String json, Type type) {
		try {
			return this.mapper.readValue(json, this.mapper.getTypeFactory().constructType(type));
		}
		catch (JacksonException ex) {
			throw new UnreadablePayloadException(
					"Could not read the payload as " + type.getTypeName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

}
