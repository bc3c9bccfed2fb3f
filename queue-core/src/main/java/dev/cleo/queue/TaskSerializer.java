/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.lang.reflect.Type;

/**
 * Turns payloads and results into the JSON stored in Redis and back. Implementations must
 * not use polymorphic default typing: a payload can only become the type its reader asks
 * for.
 */
public interface TaskSerializer {

	/**
	 * Write a value.
	 * @param value the value, may be {@code null}
	 * @return the JSON text
	 * @throws UnreadablePayloadException when the value cannot be written
	 */
	String write(Object value);

	/**
	 * Read a value.
	 * @param <T> the type
	 * @param json the JSON text
	 * @param type the type to read it as
	 * @return the value
	 * @throws UnreadablePayloadException when the text is not a value of that type
	 */
	<T> T read(String json, Type type);

}
