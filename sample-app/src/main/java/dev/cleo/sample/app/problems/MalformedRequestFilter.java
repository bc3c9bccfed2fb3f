/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.problems;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers, before anything else reads them, the malformed requests that the servlet stack
 * would otherwise turn into a 500: a query string (or form) that is not valid
 * percent-encoded UTF-8, which Tomcat's parameter parsing throws on wherever parameters
 * are first read (400), and a wildcard {@code Content-Type} such as {@code *}{@code /*},
 * which Spring's request headers refuse with an exception when a body is read (415). The
 * answer is a problem detail that repeats nothing of the request.
 */
public class MalformedRequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isWildcardContentType(request.getContentType())) {
			ProblemResponses.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
					"Content-Type must name one media type, such as application/json");
			return;
		}
		try {
			// Tomcat's own parsing decides: it is what would throw later on.
			request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request",
					"The query string or form is not valid percent-encoded UTF-8");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isWildcardContentType(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			// Spring reads an unparsable type as none and answers 415 itself.
			return false;
		}
	}

}
