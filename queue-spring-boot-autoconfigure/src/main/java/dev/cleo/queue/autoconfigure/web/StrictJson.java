/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON settings of what callers send the API: a value of the wrong type is an error,
 * never converted ({@code "queue": false} is not the queue {@code "false"},
 * {@code "maxRetries": 1.9} not 1, {@code "ttl": "3600000"} not a number), an unknown
 * property is an error, a repeated one too. Mappers are built for the API alone; the
 * application's own mapper is left as it is. Internal.
 */
final class StrictJson {

	private StrictJson() {
	}

	/**
	 * A mapper for the API's own request bodies, free of the application's settings so
	 * that, say, a snake-case naming strategy does not rename {@code maxRetries}.
	 * @return the mapper
	 */
	static JsonMapper requestMapper() {
		return strict(JsonMapper.builder()).build();
	}

	/**
	 * A strict copy of the application's mapper, for reading task method arguments as the
	 * workers will read them (same modules and naming), but without coercions.
	 * @param application the application's mapper, not changed
	 * @return a new mapper
	 */
	static JsonMapper argumentMapper(JsonMapper application) {
		return strict(application.rebuild()).build();
	}

	private static <B extends MapperBuilder<JsonMapper, B>> B strict(B builder) {
		return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
			.disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
			.disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			// Numbers in payloads are kept exactly as sent: 1e400 is not Infinity.
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
			// ALLOW_COERCION_OF_SCALARS leaves text targets alone: 5 would become "5".
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
