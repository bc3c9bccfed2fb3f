/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The wrapping of cursors that callers hand back without reading them: URL-safe Base64,
 * so that a cursor travels in a query string or an HTTP header as it is. Internal.
 */
public final class OpaqueText {

	private OpaqueText() {
	}

	/**
	 * Wrap a text.
	 * @param text the text
	 * @return its URL-safe Base64, without padding
	 */
	public static String wrap(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Unwrap a text a caller handed back.
	 * @param wrapped what {@link #wrap} gave, as the caller sent it
	 * @param maxLength the longest a wrapped text may be
	 * @param invalid the exception for anything that is not such a text
	 * @return the text
	 * @throws InvalidTaskOptionException {@code invalid} when it is empty, too long or
	 * not URL-safe Base64
	 */
	public static String unwrap(String wrapped, int maxLength, InvalidTaskOptionException invalid) {
		if (wrapped.isEmpty() || wrapped.length() > maxLength) {
			throw invalid;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(wrapped), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid;
		}
	}

}
